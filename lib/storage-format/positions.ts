import type { PositionMapper } from './types';

/**
 * Offset ↔ line/column conversion for one source text. Line breaks are `\n`, `\r\n` and a lone
 * `\r`, as XML (and so Confluence) counts them; columns are 1-based UTF-16 units, like Monaco's.
 * The line index is built on first use (most parses never need a position) in O(n); each
 * lookup is then a binary search.
 */
/**
 * The edit that turned the previous text into this one: `[start, oldEnd)` of the old text became
 * `[start, newEnd)` (incremental/text-edit.ts finds it).
 */
export interface EditedFrom {
  previous: PositionMapper;
  edit: { start: number; oldEnd: number; newEnd: number; delta: number };
}

/** Each mapper's line index, once built: the next text's mapper derives its own from it. */
const builtIndexes = new WeakMap<PositionMapper, readonly number[]>();

/**
 * `editedFrom`: the previous text's mapper and the edit since. If that mapper's index was built,
 * this one's is derived from it at the cost of the edit (the incremental parse asks for positions
 * on every keystroke, and scanning a megabyte for line breaks each time was most of that cost).
 */
export function createPositionMapper(source: string, editedFrom?: EditedFrom): PositionMapper {
  const length = source.length;
  let index: number[] | null = null;
  // Held only until this mapper's index is built: a chain of old texts' indexes is never kept.
  let seed = editedFrom && builtIndexes.get(editedFrom.previous);
  const lines = (): number[] => {
    if (index === null) {
      index = seed ? lineStartsAfterEdit(seed, source, editedFrom!.edit) : lineStartsOf(source);
      seed = undefined;
      builtIndexes.set(mapper, index);
    }
    return index;
  };

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

  const mapper: PositionMapper = {
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
  return mapper;
}

/** Whether a line starts at `offset` (> 0): after `\n`, or after a `\r` not followed by `\n`. */
function startsLine(source: string, offset: number): boolean {
  const before = source.charCodeAt(offset - 1);
  return before === 10 || (before === 13 && source.charCodeAt(offset) !== 10);
}

/**
 * The line starts of `source` from those of the text before `edit`. Whether a line starts at an
 * offset depends on the characters just before and at it, so starts before the edit are kept,
 * those after it are the old ones moved by `delta`, and only the edited stretch is scanned.
 */
export function lineStartsAfterEdit(
  previous: readonly number[],
  source: string,
  edit: EditedFrom['edit'],
): number[] {
  const starts = [0];
  let i = 1;
  for (; i < previous.length && previous[i]! < edit.start; i++) starts.push(previous[i]!);
  const scanTo = Math.min(edit.newEnd, source.length);
  for (let offset = Math.max(1, edit.start); offset <= scanTo; offset++) {
    if (startsLine(source, offset)) starts.push(offset);
  }
  for (; i < previous.length; i++) {
    if (previous[i]! > edit.oldEnd) starts.push(previous[i]! + edit.delta);
  }
  return starts;
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
