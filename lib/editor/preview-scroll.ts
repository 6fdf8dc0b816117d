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
  const out: ScrollAnchor[] = [];
  for (const anchor of anchors) {
    const last = out[out.length - 1];
    if (!last || (anchor.line > last.line && anchor.top >= last.top)) out.push(anchor);
  }
  return out;
}

/** Index of the last anchor whose `key` is ≤ value, or -1 (binary search: pages have thousands). */
function lastAtOrBefore(
  anchors: readonly ScrollAnchor[],
  key: 'line' | 'top',
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
