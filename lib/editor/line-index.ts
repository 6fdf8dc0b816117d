/** Offset ↔ 1-based line lookups over one text, built once (binary search per lookup). */
export interface LineIndex {
  lineAt(offset: number): number;
}

/** Builds a {@link LineIndex} for `text` (`\n` line breaks, like Monaco's model after EOL normalisation). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineAt(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    },
  };
}
