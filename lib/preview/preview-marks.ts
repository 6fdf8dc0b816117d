import type { FidelityBadge } from './preview-fidelity-badges';
import { type OffsetBlock, offsetBlocksOf } from './source-marks';

/**
 * The fidelity marks of the instant preview: a thin edge in the body's left padding beside each
 * top-level block that is approximate or unresolved, focusable, whose reason shows on hover and
 * on keyboard focus. Nothing is drawn over the page's text.
 *
 * The marks live in a layer of their own, a sibling of the frame's <body> (before it, so they come
 * first in the tab order): the block patcher owns the body's children and reuses block nodes by
 * their HTML, and a mark inside a block would be clipped by a block that scrolls (tables, code)
 * or lost in one that cannot hold children (<hr>). The layer's elements are app-made custom
 * elements the sanitizer never lets a page write, and the marks are found through this module's
 * own references, so page content can neither forge a mark nor hide one (docs/security.md XSS-5:
 * the parent writes the frame's DOM; nothing runs in it).
 *
 * Placing a mark reads its block's box. A keystroke mid-page may move every block below it, and
 * reading a thousand boxes per key cost more than the key's render (issue #16), so an update
 * places only the marks that are, or were, near the visible part of the frame, and all of them
 * once typing pauses. A mark off screen that is briefly out of place is seen by no one.
 */

const LAYER_TAG = 'pw-marks';
const MARK_TAG = 'pw-mark';

/** Where a mark sits: this far left of its block's left edge, inside the body's 24px padding. */
export const MARK_GAP_PX = 16;
export const MARK_WIDTH_PX = 8;

export interface MarkLayer {
  /**
   * Marks exactly the top-level blocks whose `data-source-offset` has a badge; places those near
   * the visible part now and all of them after `quietMs` without another update.
   */
  update(badges: ReadonlyMap<number, FidelityBadge>): void;
  /** Places every mark again: the layout changed (resize, an image loaded, an expand opened). */
  relayout(): void;
  /** The mark of the block starting at source `offset`, if it has one. */
  markAt(offset: number): HTMLElement | null;
  /** The source offset of the block `target` (a mark, or an element inside the layer) marks. */
  offsetOfMark(target: Node | null): number | null;
}

interface Placed {
  block: Element;
  mark: HTMLElement;
  offset: number;
}

/** A vertical extent in the frame document, px. */
interface Extent {
  top: number;
  bottom: number;
}

/** After this long without an update, every mark is placed (not only those near the view). */
export const MARKS_QUIET_MS = 250;

/** What the layer last wrote into each of its marks' attributes: only it writes them. */
const written = new WeakMap<Element, Map<string, string>>();

/** Sets an attribute of a mark unless it already holds `value` (no DOM read either way). */
function setIfChanged(element: Element, name: string, value: string): void {
  let values = written.get(element);
  if (!values) written.set(element, (values = new Map()));
  if (values.get(name) === value) return;
  values.set(name, value);
  element.setAttribute(name, value);
}

const px = (value: number) => `${Math.round(value)}px`;

function setStyleIfChanged(element: HTMLElement, name: 'left' | 'top' | 'height', value: string) {
  if (element.style[name] !== value) element.style[name] = value;
}

/**
 * The marks layer of a frame document. `blocksOf` lists the top-level blocks with their offsets
 * (the block patcher's list; by default the body's attributes are read).
 */
export function createMarkLayer(
  doc: Document,
  blocksOf: () => readonly OffsetBlock[] = () => offsetBlocksOf(doc.body),
  quietMs = MARKS_QUIET_MS,
): MarkLayer {
  const layer = doc.createElement(LAYER_TAG);
  layer.setAttribute('role', 'group');
  layer.setAttribute('aria-label', 'Approximate and unresolved blocks');
  let placed: Placed[] = [];
  const pool: HTMLElement[] = [];
  /** Where each block's mark was last placed (its block's extent then), if it was measured. */
  let measured = new WeakMap<Element, Extent>();
  /** Where each mark element is drawn now. */
  const drawn = new WeakMap<HTMLElement, Extent>();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;

  const attach = () => {
    if (layer.parentNode !== doc.documentElement) {
      doc.documentElement.insertBefore(layer, doc.body);
    }
  };

  /** Places the marks of `entries`: all reads first, then all writes (one layout, however many). */
  const place = (entries: readonly Placed[]) => {
    const win = doc.defaultView;
    const scrollX = win?.scrollX ?? 0;
    const scrollY = win?.scrollY ?? 0;
    const boxes = entries.map(({ block }) => block.getBoundingClientRect());
    entries.forEach(({ block, mark }, index) => {
      const box = boxes[index]!;
      // Whole pixels: the strings then read back as written, so unchanged ones compare equal
      // (a keystroke that changes no block's height moves no mark).
      const top = Math.round(box.top + scrollY);
      const height = Math.round(Math.max(box.height, 8));
      setStyleIfChanged(mark, 'left', px(Math.max(0, box.left + scrollX - MARK_GAP_PX)));
      setStyleIfChanged(mark, 'top', px(top));
      setStyleIfChanged(mark, 'height', px(height));
      const extent = { top, bottom: top + height };
      measured.set(block, extent);
      drawn.set(mark, extent);
    });
  };

  const relayout = () => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    measured = new WeakMap();
    place(placed);
  };

  /**
   * Places the marks that are or were within a screen of the view, and those never measured
   * (new blocks, next to the edit). The others wait for the pause.
   */
  const placeNearView = () => {
    const win = doc.defaultView;
    const scrollY = win?.scrollY ?? 0;
    const screen = win?.innerHeight ?? 0;
    // A document with no view (no window to scroll) has no "near": every mark is placed.
    const near = (extent: Extent | undefined) =>
      !win ||
      extent === undefined ||
      (extent.bottom >= scrollY - screen && extent.top <= scrollY + 2 * screen);
    place(placed.filter(({ block, mark }) => near(measured.get(block)) || near(drawn.get(mark))));
    clearTimeout(quietTimer);
    quietTimer = setTimeout(relayout, quietMs);
  };

  return {
    update(badges) {
      attach();
      const next: Placed[] = [];
      for (const { element: block, offset } of blocksOf()) {
        const badge = badges.get(offset);
        if (!badge) continue;
        // Marks are reused in order, so one that has focus keeps it while the text moves.
        let mark = pool[next.length];
        if (!mark) {
          mark = doc.createElement(MARK_TAG);
          mark.setAttribute('role', 'button');
          mark.setAttribute('tabindex', '0');
          pool.push(mark);
        }
        setIfChanged(mark, 'data-fidelity', badge.fidelity);
        setIfChanged(mark, 'aria-label', badge.label);
        setIfChanged(mark, 'data-source-offset', String(offset));
        if (mark.parentNode !== layer) layer.appendChild(mark);
        next.push({ block, mark, offset });
      }
      for (let i = next.length; i < pool.length; i++) pool[i]!.remove();
      pool.length = next.length;
      placed = next;
      placeNearView();
    },
    relayout,
    markAt(offset) {
      return placed.find((entry) => entry.offset === offset)?.mark ?? null;
    },
    offsetOfMark(target) {
      const found = placed.find((entry) => entry.mark === target);
      return found ? found.offset : null;
    },
  };
}

/**
 * The marks' styles, in the frame's stylesheet. Approximate and unresolved differ in line style
 * (solid, dashed) as well as colour; the reason appears as a tooltip on hover and on focus.
 */
export const MARKS_CSS = `
${LAYER_TAG} { position: absolute; top: 0; left: 0; width: 0; height: 0; }
${MARK_TAG} { position: absolute; display: block; width: ${MARK_WIDTH_PX}px; box-sizing: border-box;
  border-left: 3px solid var(--pw-mark-colour); cursor: help; outline-offset: 2px; }
${MARK_TAG}[data-fidelity="approximate"] { --pw-mark-colour: #8a5a00; }
${MARK_TAG}[data-fidelity="unresolved"] { --pw-mark-colour: #b3261e; border-left: 4px dashed var(--pw-mark-colour); }
:root[data-theme="dark"] ${MARK_TAG}[data-fidelity="approximate"] { --pw-mark-colour: #e0a43a; }
:root[data-theme="dark"] ${MARK_TAG}[data-fidelity="unresolved"] { --pw-mark-colour: #ff8a80; }
${MARK_TAG}:focus-visible { outline: 2px solid var(--pw-link); }
${MARK_TAG}:hover::after, ${MARK_TAG}:focus::after { content: attr(aria-label); position: absolute;
  left: ${MARK_WIDTH_PX + 4}px; top: 0; transform: translateY(-100%); z-index: 2; width: max-content;
  max-width: 60ch; padding: 2px 8px; border-radius: 3px; border-left: 3px solid var(--pw-mark-colour);
  background: #1f2328; color: #fff; font: 12px/1.5 system-ui, sans-serif; white-space: normal;
  pointer-events: none; }
`;
