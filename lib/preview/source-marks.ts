/**
 * The source marks the renderer writes on preview elements (`data-source-offset`, the offset in
 * the page's source where the element's block starts, and `data-source-line`), read back.
 */

/** A top-level element of the frame's body and the source offset it starts at. */
export interface OffsetBlock {
  element: Element;
  offset: number;
}

/** A source mark of `element` (`data-source-offset` unless named) as a whole number ≥ 0, or null. */
export function sourceMarkOf(element: Element, name = 'data-source-offset'): number | null {
  const raw = element.getAttribute(name);
  if (raw === null || raw === '') return null;
  const offset = Number(raw);
  return Number.isInteger(offset) && offset >= 0 ? offset : null;
}

/**
 * The top-level elements of `body` that carry a source offset, read from their attributes. The
 * frame asks its block patcher instead, which knows them without reading the DOM (and before the
 * attributes of moved blocks are set: preview-dom.ts).
 */
export function offsetBlocksOf(body: Element): OffsetBlock[] {
  const blocks: OffsetBlock[] = [];
  for (const element of Array.from(body.children)) {
    const offset = sourceMarkOf(element);
    if (offset !== null) blocks.push({ element, offset });
  }
  return blocks;
}
