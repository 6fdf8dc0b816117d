import { trustedPreviewHtml } from '@/lib/security/trusted-types';
import type { PlacedBlock } from '@/lib/storage-format/incremental/incremental-blocks';

import { splitTopLevelBlocks } from './preview-blocks';
import { sourceMarkOf } from './preview-marks';
import { planBlockPatch } from './preview-patch';

/**
 * Puts sanitized preview HTML into the frame's body block by block. Only blocks whose HTML
 * changed are parsed and inserted; the others keep their nodes, so the browser re-lays out little
 * and the scroll position stays where it was.
 *
 * Security notes (docs/security.md XSS-1/5/6): the strings are DOMPurify's output, cut at top-level
 * boundaries only (preview-blocks.ts), and parsed by the browser's HTML parser in body context,
 * which is what `srcdoc` would do with the whole. They are parsed in an inert document (no
 * browsing context: nothing loads, nothing runs) and then adopted into the frame, whose sandbox
 * has no `allow-scripts` and whose CSP allows no script. The only changes made to the parsed
 * nodes are replacing images the policy does not allow by a text placeholder, and setting the
 * numeric source marks to the block's place in the body (setAttribute parses nothing).
 *
 * Trusted Types (XSS-9): each block reaches the parser through the `app-preview` policy
 * (lib/security/trusted-types.ts), which sanitizes it again with the same DOMPurify config; the
 * frame inherits the app's CSP, so a plain string would be refused there.
 */

export interface ImagePolicy {
  appOrigin: string;
  allowExternalImages: boolean;
}

/** What an `<img src>` may do under the policy. */
export function imageVerdict(
  src: string,
  policy: ImagePolicy,
): 'load' | 'external-blocked' | 'insecure-blocked' {
  let url: URL;
  try {
    url = new URL(src, policy.appOrigin);
  } catch {
    return 'external-blocked';
  }
  if (url.protocol === 'data:') return 'load';
  if (url.origin === new URL(policy.appOrigin).origin) return 'load';
  if (url.protocol !== 'https:') return 'insecure-blocked';
  return policy.allowExternalImages ? 'load' : 'external-blocked';
}

/** Replaces images the policy does not allow by a labelled box (text only, no URL loads). */
function guardImages(root: ParentNode, policy: ImagePolicy): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    const verdict = imageVerdict(src, policy);
    if (verdict === 'load') continue;
    const doc = image.ownerDocument;
    const box = doc.createElement('span');
    box.className = 'pw-blocked';
    box.setAttribute('role', 'img');
    box.setAttribute('data-blocked-src', src);
    const what =
      verdict === 'insecure-blocked' ? 'Insecure (http) image not loaded' : 'External image';
    const label = `${what}: ${src}`;
    box.setAttribute('aria-label', label);
    box.title = label;
    box.textContent =
      verdict === 'insecure-blocked'
        ? `${what}: ${src}`
        : `External image not loaded (allow external images to show it): ${src}`;
    image.replaceWith(box);
  }
}

export interface BlockPatcher {
  /** Makes the body show `blocks`; returns how many blocks were (re)created. */
  update(blocks: readonly PlacedBlock[]): number;
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
}

/** A block's nodes in the frame, its marked elements and the place they were last set for. */
interface FrameBlock {
  nodes: Node[];
  marked: MarkedElement[];
  start: number;
  line: number;
}

/** The elements of freshly parsed block nodes that carry source marks (relative, as written). */
function markedElements(nodes: readonly Node[]): MarkedElement[] {
  const marked: MarkedElement[] = [];
  const take = (element: Element) => {
    const line = sourceMarkOf(element, LINE) ?? 0;
    if (line >= 1) marked.push({ element, line, offset: sourceMarkOf(element, OFFSET) ?? -1 });
  };
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    take(node as Element);
    for (const inner of Array.from((node as Element).querySelectorAll(`[${LINE}]`))) take(inner);
  }
  return marked;
}

/** Sets a block's marks to its place in the body: relative value + the block's start. */
function placeMarks(block: FrameBlock, start: number, line: number): void {
  block.start = start;
  block.line = line;
  for (const { element, line: relativeLine, offset } of block.marked) {
    element.setAttribute(LINE, String(line + relativeLine - 1));
    if (offset >= 0) element.setAttribute(OFFSET, String(start + offset));
  }
}

export function createBlockPatcher(frameDocument: Document, policy: ImagePolicy): BlockPatcher {
  const inert = frameDocument.implementation.createHTMLDocument('');
  const range = inert.createRange();
  range.selectNodeContents(inert.body);
  let keys: string[] = [];
  let shown: FrameBlock[] = [];

  const create = (block: PlacedBlock): FrameBlock => {
    // TrustedHTML where the browser has Trusted Types; lib.dom types the parameter as string.
    const fragment = range.createContextualFragment(trustedPreviewHtml(block.html) as string);
    guardImages(fragment, policy);
    const adopted = frameDocument.adoptNode(fragment);
    const nodes = Array.from(adopted.childNodes);
    // Found whether or not the block is placed now: the same string may be placed later.
    const created: FrameBlock = { nodes, marked: markedElements(nodes), start: 0, line: 1 };
    if (block.start >= 0) placeMarks(created, block.start, block.line);
    return created;
  };

  return {
    update(blocks) {
      const blockKeys = blocks.map((block) => block.html);
      const plan = planBlockPatch(keys, blockKeys);
      const body = frameDocument.body;
      const reused = new Set<number>();
      for (const from of plan) if (from >= 0) reused.add(from);
      for (let i = 0; i < shown.length; i++) {
        if (!reused.has(i)) for (const node of shown[i]!.nodes) node.parentNode?.removeChild(node);
      }
      let created = 0;
      const next: FrameBlock[] = [];
      let cursor: ChildNode | null = body.firstChild;
      for (let j = 0; j < blocks.length; j++) {
        const block = blocks[j]!;
        const from = plan[j]!;
        let frameBlock: FrameBlock;
        if (from < 0) {
          frameBlock = create(block);
          created++;
        } else {
          frameBlock = shown[from]!;
          // Only a block an edit moved has marks to set; the others keep theirs.
          if (
            block.start >= 0 &&
            (frameBlock.start !== block.start || frameBlock.line !== block.line)
          )
            placeMarks(frameBlock, block.start, block.line);
        }
        for (const node of frameBlock.nodes) {
          if (node === cursor) cursor = cursor.nextSibling;
          else body.insertBefore(node, cursor);
        }
        next.push(frameBlock);
      }
      // Anything else (nothing, unless the body was touched from outside) goes.
      while (cursor) {
        const following: ChildNode | null = cursor.nextSibling;
        cursor.remove();
        cursor = following;
      }
      keys = blockKeys;
      shown = next;
      return created;
    },
  };
}
