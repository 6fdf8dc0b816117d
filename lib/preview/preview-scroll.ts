/**
 * Scroll sync between the editor and the preview. Top-level preview blocks carry
 * `data-source-line` (the renderer marks them); each gives an anchor: that source line starts at
 * that vertical offset in the frame. Between two anchors, lines and pixels are interpolated.
 */

export interface ScrollAnchor {
  /** 1-based source line of the block. */
  line: number;
  /** Offset of the block's top in the frame document, px. */
  top: number;
}

/**
 * Anchors usable for interpolation: in document order, keeping only those whose line and top
 * both increase (floats and tocs may break the order; a skipped anchor is just less precise).
 */
export function monotonicAnchors(anchors: readonly ScrollAnchor[]): ScrollAnchor[] {
  return increasing(anchors, 'line');
}

/** The anchors whose `key` strictly increases and whose top does not go back, in order. */
function increasing<K extends string, A extends Record<K | 'top', number>>(
  anchors: readonly A[],
  key: K,
): A[] {
  const out: A[] = [];
  for (const anchor of anchors) {
    const last = out[out.length - 1];
    if (!last || (anchor[key] > last[key] && anchor.top >= last.top)) out.push(anchor);
  }
  return out;
}

/** Index of the last anchor whose `key` is ≤ value, or -1 (binary search: pages have thousands). */
function lastAtOrBefore<K extends string>(
  anchors: readonly Record<K, number>[],
  key: K,
  value: number,
): number {
  let low = 0;
  let high = anchors.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (anchors[mid]![key] <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The frame offset where source `line` is shown. `end` is the document height, the far end of
 * the last block. Anchors must be monotonic.
 */
export function offsetForLine(anchors: readonly ScrollAnchor[], line: number, end: number): number {
  const index = lastAtOrBefore(anchors, 'line', line);
  if (index < 0) return 0;
  const from = anchors[index]!;
  const to = anchors[index + 1];
  if (!to) return from.top;
  const fraction = (line - from.line) / (to.line - from.line);
  return from.top + fraction * (Math.min(to.top, end) - from.top);
}

/**
 * The source line shown at frame offset `top` (fractional: the editor reveals the whole part).
 * `lastLine` bounds the last block.
 */
export function lineForOffset(
  anchors: readonly ScrollAnchor[],
  top: number,
  end: number,
  lastLine: number,
): number {
  const index = lastAtOrBefore(anchors, 'top', top);
  if (index < 0) return 1;
  const from = anchors[index]!;
  const to = anchors[index + 1] ?? { line: Math.max(lastLine, from.line), top: end };
  const span = to.top - from.top;
  if (span <= 0) return from.line;
  return from.line + ((top - from.top) / span) * (to.line - from.line);
}

/**
 * Scroll sync by source offsets: top-level preview blocks also carry `data-source-offset`, the
 * block's start offset in the source. On a one-line body every block is on line 1, so lines give
 * no anchors; offsets still do, and the editor turns an offset into a position itself (in a
 * laid-out view, through the layout's offset map).
 */
export interface OffsetAnchor {
  /** Source offset where the block starts. */
  offset: number;
  /** Offset of the block's top in the frame document, px. */
  top: number;
}

/** Anchors usable for interpolation: offset and top both increasing (see monotonicAnchors). */
export function monotonicOffsetAnchors(anchors: readonly OffsetAnchor[]): OffsetAnchor[] {
  return increasing(anchors, 'offset');
}

/** The frame offset (px) where source `offset` is shown; `end` is the document height. */
export function topForSourceOffset(
  anchors: readonly OffsetAnchor[],
  offset: number,
  end: number,
): number {
  const index = lastAtOrBefore(anchors, 'offset', offset);
  if (index < 0) return 0;
  const from = anchors[index]!;
  const to = anchors[index + 1];
  if (!to) return from.top;
  const fraction = (offset - from.offset) / (to.offset - from.offset);
  return from.top + fraction * (Math.min(to.top, end) - from.top);
}

/**
 * The source offset shown at frame offset `top` (px), rounded down; `sourceLength` bounds the
 * last block, `end` is the document height.
 */
export function sourceOffsetForTop(
  anchors: readonly OffsetAnchor[],
  top: number,
  end: number,
  sourceLength: number,
): number {
  const index = lastAtOrBefore(anchors, 'top', top);
  if (index < 0) return 0;
  const from = anchors[index]!;
  const to = anchors[index + 1] ?? { offset: Math.max(sourceLength, from.offset), top: end };
  const span = to.top - from.top;
  if (span <= 0) return from.offset;
  const fraction = Math.min(1, Math.max(0, (top - from.top) / span));
  return Math.floor(from.offset + fraction * (to.offset - from.offset));
}

/** The anchors of a frame body's top-level blocks that carry `data-source-offset`. */
export function offsetAnchorsOf(body: Element): OffsetAnchor[] {
  const anchors: OffsetAnchor[] = [];
  for (const element of Array.from(body.children)) {
    const raw = element.getAttribute('data-source-offset');
    if (raw === null || raw === '') continue;
    const offset = Number(raw);
    if (!Number.isInteger(offset)) continue;
    anchors.push({ offset, top: (element as HTMLElement).offsetTop });
  }
  return monotonicOffsetAnchors(anchors);
}
