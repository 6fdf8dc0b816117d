import type { PlacedBlock } from '../incremental/incremental-blocks';

/**
 * A start tag of the writer's output and the source marks right after its attributes. Exact on
 * that output: text escapes `<` and attribute values escape `"`, so only a real tag matches.
 */
const MARKED_TAG =
  /(<[a-z][a-z0-9]*(?: [a-z-]+(?:="[^"]*")?)*?) data-source-line="(\d+)"(?: data-source-offset="(\d+)")?/g;

/**
 * The blocks joined with their marks made absolute (what the frame's patcher does with
 * setAttribute), as one HTML string to compare with `renderDocument`'s.
 */
export function placedHtml(blocks: readonly PlacedBlock[]): string {
  let html = '';
  for (const { html: block, start, line } of blocks) {
    html +=
      start < 0
        ? block
        : block.replace(MARKED_TAG, (_, tag: string, relativeLine: string, offset?: string) => {
            const mark = ` data-source-line="${line + Number(relativeLine) - 1}"`;
            return offset === undefined
              ? tag + mark
              : `${tag}${mark} data-source-offset="${start + Number(offset)}"`;
          });
  }
  return html;
}
