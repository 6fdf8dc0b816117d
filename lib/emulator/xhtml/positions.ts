/** Line and column (both 1-based) of `index` in `text`, counting `\r\n`, `\n` and `\r` as one break each. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Confluence's own wrapper puts the body at column 361 of line 1 (derived from a real answer: a body
 * column 45 came back as [1,405]), so Confluence's columns on line 1 are 360 higher than ours.
 */
export const CONFLUENCE_LINE_ONE_OFFSET = 360;

/** The `[row,col]` Confluence would print for a body position. */
export function confluencePosition(line: number, column: number): { row: number; col: number } {
  return { row: line, col: line === 1 ? column + CONFLUENCE_LINE_ONE_OFFSET : column };
}
