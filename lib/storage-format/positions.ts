import type { PositionMapper } from './types';

/**
 * Offset ↔ line/column conversion for one source text. Line breaks are `\n`, `\r\n` and a lone
 * `\r`, as XML (and so Confluence) counts them; columns are 1-based UTF-16 units, like Monaco's.
 * The line index is built on first use (most parses never need a position) in O(n); each
 * lookup is then a binary search.
 */
export function createPositionMapper(source: string): PositionMapper {
  const length = source.length;
  let index: number[] | null = null;
  const lines = (): number[] => (index ??= lineStartsOf(source));

  function lineIndexAt(offset: number): number {
    const lineStarts = lines();
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  return {
    get lineCount() {
      return lines().length;
    },
    lineColumnAt(offset: number) {
      const clamped = Math.max(0, Math.min(offset, length));
      const line = lineIndexAt(clamped);
      // Offsets past the end (Confluence's closing wrapper tag) keep counting on the last line.
      return { line: line + 1, column: clamped - lines()[line]! + 1 + (offset - clamped) };
    },
    offsetAt(line: number, column: number) {
      const lineStarts = lines();
      const start = lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))]!;
      return Math.max(0, Math.min(length, start + column - 1));
    },
  };
}

function lineStartsOf(source: string): number[] {
  const lineStarts = [0];
  let cr = source.indexOf('\r');
  let lf = source.indexOf('\n');
  while (cr !== -1 || lf !== -1) {
    if (lf !== -1 && (cr === -1 || lf < cr)) {
      lineStarts.push(lf + 1);
      lf = source.indexOf('\n', lf + 1);
    } else {
      // `\r\n` is one break; a lone `\r` is a break of its own.
      const next = cr + 1 === lf ? lf + 1 : cr + 1;
      lineStarts.push(next);
      if (next === lf + 1) lf = source.indexOf('\n', next);
      cr = source.indexOf('\r', cr + 1);
    }
  }

  return lineStarts;
}
