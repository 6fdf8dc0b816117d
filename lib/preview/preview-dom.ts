import { trustedPreviewHtml } from '@/lib/security/trusted-types';
import type { PlacedBlock } from '@/lib/storage-format/incremental/incremental-blocks';

import {
  fillScheduler,
  fillBatchEnd,
  firstFillCount,
  htmlLength,
  type IdleScheduler,
  PROGRESSIVE_FILL_CHARS,
  settleScheduler,
} from './patch-scheduling';
import { splitTopLevelBlocks } from './preview-blocks';
import { guardImages, type ImagePolicy } from './preview-images';
import { markerNonce, parseTogether } from './parse-together';
import { planBlockPatch } from './preview-patch';
import { type OffsetBlock, sourceMarkOf } from './source-marks';

/**
 * Puts preview HTML into the frame's body block by block, sanitizing each block as it parses it.
 * Only blocks whose HTML changed are sanitized, parsed and inserted; the others keep their nodes,
 * so the browser re-lays out little and the scroll position stays where it was. A big page's
 * blocks that a progressive fill adds later are sanitized then, not before its first screens show.
 * Blocks created together (a first fill, a slice of a progressive one) are sanitized and parsed as
 * one string and split at marked boundaries where that gives each block its own nodes
 * (parse-together.ts): per call, DOMPurify's fixed cost was more than a typical block's.
 *
 * Security notes (docs/security.md XSS-1/5/6): each block is a whole number of top-level nodes
 * (the incremental render's blocks, or HTML cut at top-level boundaries by preview-blocks.ts). It
 * reaches the parser only through the `app-preview` Trusted Types policy
 * (lib/security/trusted-types.ts, XSS-9), which returns DOMPurify's output for it (XSS-2); the
 * frame inherits the app's CSP, so a plain string would be refused there. The browser's HTML
 * parser reads it in body context, which is what `srcdoc` would do with the whole, in an inert
 * document (no browsing context: nothing loads, nothing runs), and the nodes are then adopted into
 * the frame, whose sandbox has no `allow-scripts` and whose CSP allows no script. The only changes
 * made to the parsed nodes are replacing images the policy does not allow by a text placeholder,
 * and setting the numeric source marks to the block's place in the body (setAttribute parses
 * nothing).
 *
 * A block an edit only moved keeps its nodes, and its marks are set to its new place once typing
 * pauses, in idle time (patch-scheduling.ts). Typing mid-page moves every block below the edit, and
 * setting their marks (tens of thousands on a macro-rich 1 MB page) on every key cost more than
 * rendering the key (issue #16). Until then the patcher itself says where each block starts
 * (`offsetBlocks`, `offsetOf`): click-to-source, scroll sync and the fidelity marks ask it, not
 * the attributes.
 */

export interface BlockPatcher {
  /**
   * Makes the body show `blocks`; returns how many blocks were (re)created now. With
   * `progressive`, a big page shows its first screens at once and the rest is added in the
   * browser's idle time (`onFilled` is called after each addition); an update while that goes on
   * patches what is shown and continues with the new blocks.
   */
  update(blocks: readonly PlacedBlock[], options?: { progressive?: boolean }): number;
  /**
   * The top-level elements that carry a source offset, in body order, with that offset: what
   * the body's `data-source-offset` attributes say, without reading a thousand of them.
   */
  offsetBlocks(): readonly OffsetBlock[];
  /**
   * Adds the rest of a progressive fill now: scroll sync and jumps to a block need the whole page
   * laid out.
   */
  finishFill(): void;
  /** The source offset of `node`, a top-level node of the body, if it carries one. */
  offsetOf(node: Node): number | null;
  /** Sets the marks still waiting for a pause now (tests, and anything reading the attributes). */
  settleMarks(): void;
}

export interface BlockPatcherOptions {
  /** When the marks of moved blocks are set (after a pause in typing, in idle time). */
  whenSettling?: IdleScheduler;
  /** When the rest of a progressive fill is added. */
  whenFilling?: IdleScheduler;
  /** Called after each part of a progressive fill was added (new blocks: marks, anchors). */
  onFilled?: () => void;
}

/** Sanitized HTML with no source marks to place (Confluence's rendering) as frame blocks. */
export function unplacedBlocks(html: string): PlacedBlock[] {
  return splitTopLevelBlocks(html).map((block) => ({ html: block, start: -1, line: 0 }));
}

const LINE = 'data-source-line';
const OFFSET = 'data-source-offset';

/** An element carrying source marks, and their values relative to its block's start. */
interface MarkedElement {
  element: Element;
  line: number;
  /** -1 when the element has no offset mark. */
  offset: number;
  /** A child of the body (one of the block's own nodes), not an element inside one. */
  topLevel: boolean;
}

/** A block's nodes in the frame, its marked elements and the place they were last set for. */
interface FrameBlock {
  nodes: Node[];
  marked: MarkedElement[];
  /** The marked elements that are top-level nodes and carry an offset. */
  topLevel: MarkedElement[];
  start: number;
  line: number;
  /** Its marks were set to a place (`start`, `line`); false for blocks shown as written. */
  placed: boolean;
}

/** The elements of freshly parsed block nodes that carry source marks (relative, as written). */
function markedElements(nodes: readonly Node[]): MarkedElement[] {
  const marked: MarkedElement[] = [];
  const take = (element: Element, topLevel: boolean) => {
    const line = sourceMarkOf(element, LINE) ?? 0;
    if (line < 1) return;
    marked.push({ element, line, offset: sourceMarkOf(element, OFFSET) ?? -1, topLevel });
  };
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    take(node as Element, true);
    for (const inner of Array.from((node as Element).querySelectorAll(`[${LINE}]`))) {
      take(inner, false);
    }
  }
  return marked;
}

/** Sets every mark of a block to its place: relative value + the block's start (or line). */
function placeAllMarks(block: FrameBlock): void {
  for (const { element, line: relativeLine, offset } of block.marked) {
    element.setAttribute(LINE, String(block.line + relativeLine - 1));
    if (offset >= 0) element.setAttribute(OFFSET, String(block.start + offset));
  }
}

/** Where the block's mark `mark` says it starts, once the block's marks are set. */
function offsetIn(block: FrameBlock, mark: MarkedElement): number {
  return block.placed ? block.start + mark.offset : mark.offset;
}

/** The first node of the blocks from `from` on, if any has one. */
function firstNodeOf(blocks: readonly FrameBlock[], from: number): Node | undefined {
  for (let i = from; i < blocks.length; i++) {
    const first = blocks[i]!.nodes[0];
    if (first) return first;
  }
  return undefined;
}

export function createBlockPatcher(
  frameDocument: Document,
  policy: ImagePolicy,
  {
    whenSettling = settleScheduler,
    whenFilling = fillScheduler,
    onFilled,
  }: BlockPatcherOptions = {},
): BlockPatcher {
  const inert = frameDocument.implementation.createHTMLDocument('');
  const range = inert.createRange();
  range.selectNodeContents(inert.body);
  /** Marks the block boundaries of a string parsed at once (parse-together.ts). */
  const nonce = markerNonce();
  let keys: string[] = [];
  let shown: FrameBlock[] = [];
  let offsets: OffsetBlock[] | null = null;
  /** Moved blocks whose marks are not set to their place yet. */
  const unsettled = new Set<FrameBlock>();
  let settling = false;
  /** Counts moves: a settle task that finds it changed waits for the next pause instead. */
  let moves = 0;

  const scheduleSettle = () => {
    if (settling) return;
    settling = true;
    const movesThen = moves;
    whenSettling((deadline) => {
      settling = false;
      if (moves !== movesThen) {
        scheduleSettle();
        return;
      }
      for (const block of unsettled) {
        if (deadline.timeRemaining() <= 0) break;
        unsettled.delete(block);
        placeAllMarks(block);
      }
      if (unsettled.size > 0) scheduleSettle();
    });
  };

  /** A reused block moved to `start`/`line`: its marks are set once typing pauses. */
  const move = (block: FrameBlock, start: number, line: number) => {
    block.start = start;
    block.line = line;
    block.placed = true;
    unsettled.add(block);
    moves++;
    scheduleSettle();
  };

  /** A block's freshly parsed nodes, adopted into the frame, as a frame block. */
  const frameBlockOf = (block: PlacedBlock, nodes: Node[]): FrameBlock => {
    // Found whether or not the block is placed now: the same string may be placed later.
    const marked = markedElements(nodes);
    const created: FrameBlock = {
      nodes,
      marked,
      topLevel: marked.filter((mark) => mark.topLevel && mark.offset >= 0),
      start: block.start,
      line: block.line,
      placed: block.start >= 0,
    };
    // Not in the document yet: setting every mark now costs no style work.
    if (created.placed) placeAllMarks(created);
    return created;
  };

  /** DOMPurify's output for `html` (as TrustedHTML where the browser has Trusted Types), parsed. */
  const parseSanitized = (html: string): DocumentFragment => {
    // lib.dom types the parameter as string.
    const fragment = range.createContextualFragment(trustedPreviewHtml(html) as string);
    guardImages(fragment, policy);
    return frameDocument.adoptNode(fragment);
  };

  const create = (block: PlacedBlock): FrameBlock =>
    frameBlockOf(block, Array.from(parseSanitized(block.html).childNodes));

  /** Frame blocks for `blocks`: sanitized and parsed as one string where that is the same. */
  const createAll = (blocks: readonly PlacedBlock[]): FrameBlock[] => {
    if (blocks.length > 1) {
      const parts = parseTogether(
        blocks.map((block) => block.html),
        parseSanitized,
        nonce,
      );
      if (parts) return blocks.map((block, i) => frameBlockOf(block, parts[i]!));
    }
    return blocks.map(create);
  };

  /** Sets a reused block's place if an edit moved it (the others keep their marks). */
  const follow = (frameBlock: FrameBlock, block: PlacedBlock) => {
    if (
      block.start >= 0 &&
      (!frameBlock.placed || frameBlock.start !== block.start || frameBlock.line !== block.line)
    ) {
      move(frameBlock, block.start, block.line);
    }
  };

  /** The blocks of a progressive fill and how many of them are shown; null when all are. */
  let filling: { blocks: readonly PlacedBlock[]; shown: number } | null = null;
  let fillDue = false;

  const fillSome = (deadline: { timeRemaining(): number }) => {
    fillDue = false;
    if (!filling) return;
    const body = frameDocument.body;
    const fill = filling;
    // At least one batch per slice, so a busy page still fills.
    do {
      const batch = fill.blocks.slice(fill.shown, fillBatchEnd(fill.blocks, fill.shown));
      for (const [i, frameBlock] of createAll(batch).entries()) {
        for (const node of frameBlock.nodes) body.appendChild(node);
        keys.push(batch[i]!.html);
        shown.push(frameBlock);
      }
      fill.shown += batch.length;
    } while (fill.shown < fill.blocks.length && deadline.timeRemaining() > 0);
    offsets = null;
    if (fill.shown >= fill.blocks.length) filling = null;
    else scheduleFill();
    onFilled?.();
  };
  const scheduleFill = () => {
    if (fillDue) return;
    fillDue = true;
    whenFilling(fillSome);
  };

  /** Makes the body show exactly `blocks` (the algorithm at the top). */
  const patch = (blocks: readonly PlacedBlock[]): number => {
    const blockKeys = blocks.map((block) => block.html);
    const plan = planBlockPatch(keys, blockKeys);
    const body = frameDocument.body;
    const reused = new Uint8Array(shown.length);
    for (const from of plan) if (from >= 0) reused[from] = 1;
    for (let i = 0; i < shown.length; i++) {
      if (reused[i] === 1) continue;
      unsettled.delete(shown[i]!);
      for (const node of shown[i]!.nodes) node.parentNode?.removeChild(node);
    }
    let created = 0;
    const next: FrameBlock[] = [];
    // The blocks the page starts with that stay where they are: their nodes lead the body
    // already, and stepping through a thousand of them per key is time the key does not have.
    let head = 0;
    let lastInHead: Node | undefined;
    while (head < blocks.length && plan[head] === head) {
      const frameBlock = shown[head]!;
      follow(frameBlock, blocks[head]!);
      lastInHead = frameBlock.nodes[frameBlock.nodes.length - 1] ?? lastInHead;
      next.push(frameBlock);
      head++;
    }
    let cursor: ChildNode | null = lastInHead ? lastInHead.nextSibling : body.firstChild;
    /** Puts a block's nodes at the cursor (those already there stay), the cursor after them. */
    const putAtCursor = (frameBlock: FrameBlock) => {
      for (const node of frameBlock.nodes) {
        if (node === cursor) cursor = cursor.nextSibling;
        else body.insertBefore(node, cursor);
      }
    };
    // Likewise the blocks it ends with (moved by the edit, but in the same order at the end).
    const shift = shown.length - blocks.length;
    let tail = blocks.length;
    while (tail > head && plan[tail - 1]! >= 0 && plan[tail - 1] === tail - 1 + shift) tail--;
    // The new blocks, created together (a first fill creates hundreds).
    const fresh: PlacedBlock[] = [];
    for (let j = head; j < tail; j++) if (plan[j]! < 0) fresh.push(blocks[j]!);
    const made = createAll(fresh);
    for (let j = head; j < tail; j++) {
      const block = blocks[j]!;
      const from = plan[j]!;
      let frameBlock: FrameBlock;
      if (from < 0) {
        frameBlock = made[created]!;
        created++;
      } else {
        frameBlock = shown[from]!;
        follow(frameBlock, block);
      }
      putAtCursor(frameBlock);
      next.push(frameBlock);
    }
    // The tail's nodes end the body, in order: where the first of them is at the cursor, the
    // rest of the body is the tail, and only the blocks' places need following.
    const hasTail = tail < blocks.length;
    const tailStart = hasTail ? firstNodeOf(shown, tail + shift) : undefined;
    const tailInPlace =
      hasTail && (tailStart === undefined ? cursor === null : tailStart === cursor);
    for (let j = tail; j < blocks.length; j++) {
      const frameBlock = shown[j + shift]!;
      follow(frameBlock, blocks[j]!);
      if (!tailInPlace) putAtCursor(frameBlock);
      next.push(frameBlock);
    }
    if (tailInPlace) cursor = null;
    // Anything else (nothing, unless the body was touched from outside) goes.
    while (cursor) {
      const following: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = following;
    }
    keys = blockKeys;
    shown = next;
    offsets = null;
    return created;
  };

  /** The shown blocks' top-level offsets, built once per change of the body. */
  const offsetBlocks = (): readonly OffsetBlock[] => {
    if (offsets) return offsets;
    const list: OffsetBlock[] = [];
    for (const block of shown) {
      for (const mark of block.topLevel) {
        list.push({ element: mark.element, offset: offsetIn(block, mark) });
      }
    }
    offsets = list;
    return list;
  };

  return {
    update(blocks, { progressive = false } = {}) {
      let count = blocks.length;
      if (filling) {
        // Mid-fill: patch what is shown, and fill the rest from these blocks.
        count = Math.min(blocks.length, filling.shown);
      } else if (progressive && shown.length === 0 && htmlLength(blocks) > PROGRESSIVE_FILL_CHARS) {
        count = firstFillCount(blocks);
      }
      const created = patch(count === blocks.length ? blocks : blocks.slice(0, count));
      filling = count < blocks.length ? { blocks, shown: count } : null;
      if (filling) scheduleFill();
      return created;
    },
    finishFill() {
      while (filling) fillSome({ timeRemaining: () => Infinity });
    },
    offsetBlocks,
    offsetOf(node) {
      return offsetBlocks().find((block) => block.element === node)?.offset ?? null;
    },
    settleMarks() {
      for (const block of unsettled) placeAllMarks(block);
      unsettled.clear();
    },
  };
}
