import type { OffsetBlock } from './source-marks';

/**
 * Scroll sync between the editor and the preview, by source offsets. Top-level preview blocks
 * carry `data-source-offset`, the block's start offset in the source; each gives an anchor: that
 * offset starts at that vertical position in the frame, and between two anchors offsets and
 * pixels are interpolated. Lines would not do: on a one-line body (as Confluence's editor stores
 * pages) every block is on line 1. The editor turns an offset into a position itself
 * (Monaco's getPositionAt), on a one-line body and in a laid-out view alike.
 */

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

export interface OffsetAnchor {
  /** Source offset where the block starts. */
  offset: number;
  /** Offset of the block's top in the frame document, px. */
  top: number;
}

/**
 * Anchors usable for interpolation: in document order, keeping only those whose offset and top
 * both increase (floats and tocs may break the order; a skipped anchor is only less precise).
 */
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

/** The anchors of the frame body's top-level blocks that carry a source offset, in order. */
export function offsetAnchorsOf(blocks: readonly OffsetBlock[]): OffsetAnchor[] {
  return monotonicOffsetAnchors(
    blocks.map(({ element, offset }) => ({ offset, top: (element as HTMLElement).offsetTop })),
  );
}
