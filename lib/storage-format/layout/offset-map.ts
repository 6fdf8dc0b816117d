/**
 * The correspondence between a storage body and its laid-out form (the formatter's output): the
 * laid-out text is a sequence of runs copied from the body, in order, separated by layout the
 * formatter inserted; the body's own whitespace between blocks, which the formatter dropped,
 * sits between the same runs on the body's side. Offsets are UTF-16 code units, as in strings.
 */

/** `length` characters at `laidStart` in the laid-out text are the body's at `originalStart`. */
export interface CopyRun {
  laidStart: number;
  originalStart: number;
  length: number;
}

export interface OffsetMap {
  /** Ascending on both sides, never adjacent on both (adjacent runs are merged). */
  runs: readonly CopyRun[];
  originalLength: number;
  laidLength: number;
}

/**
 * What lies between two consecutive runs (or a run and an end): layout the formatter inserted
 * (`laid…`) and the body's whitespace it dropped (`original…`). Either side may be empty.
 */
export interface Gap {
  laidStart: number;
  laidEnd: number;
  originalStart: number;
  originalEnd: number;
}

export class OffsetMapBuilder {
  private readonly runs: CopyRun[] = [];
  private laid = 0;

  copy(start: number, end: number): void {
    if (end <= start) return;
    const last = this.runs[this.runs.length - 1];
    if (
      last !== undefined &&
      last.laidStart + last.length === this.laid &&
      last.originalStart + last.length === start
    ) {
      last.length += end - start;
    } else {
      this.runs.push({ laidStart: this.laid, originalStart: start, length: end - start });
    }
    this.laid += end - start;
  }

  insert(length: number): void {
    this.laid += length;
  }

  build(originalLength: number): OffsetMap {
    return { runs: this.runs, originalLength, laidLength: this.laid };
  }
}

/** The map of a body shown as it is stored. */
export function identityOffsetMap(length: number): OffsetMap {
  const runs = length === 0 ? [] : [{ laidStart: 0, originalStart: 0, length }];
  return { runs, originalLength: length, laidLength: length };
}

/** The gaps in order: gap k lies before run k; the last one follows the last run. */
export function gapsOf(map: OffsetMap): Gap[] {
  const gaps: Gap[] = [];
  let laid = 0;
  let original = 0;
  for (const run of map.runs) {
    gaps.push({
      laidStart: laid,
      laidEnd: run.laidStart,
      originalStart: original,
      originalEnd: run.originalStart,
    });
    laid = run.laidStart + run.length;
    original = run.originalStart + run.length;
  }
  gaps.push({
    laidStart: laid,
    laidEnd: map.laidLength,
    originalStart: original,
    originalEnd: map.originalLength,
  });
  return gaps;
}

/** Index of the last run whose `key` start is ≤ `offset`, or -1. */
function runAtOrBefore(map: OffsetMap, offset: number, key: 'laidStart' | 'originalStart'): number {
  let low = 0;
  let high = map.runs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (map.runs[mid]![key] <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Where bias says which side of the gap an offset that falls in a gap goes to: `'before'` the end
 * of the run before it, `'after'` the start of the run after it.
 */
export type GapBias = 'before' | 'after';

function translate(
  map: OffsetMap,
  offset: number,
  bias: GapBias,
  from: 'laidStart' | 'originalStart',
  to: 'laidStart' | 'originalStart',
  toLength: number,
): number {
  let index = runAtOrBefore(map, offset, from);
  const previous = index > 0 ? map.runs[index - 1]! : undefined;
  // At a run's start right after the end of the one before (no gap on this side): 'before' is
  // the end of that one.
  if (bias === 'before' && previous && previous[from] + previous.length === offset) index--;
  const run = index < 0 ? undefined : map.runs[index]!;
  if (run !== undefined && offset <= run[from] + run.length) {
    // Inside the run, or at its end: the end of a run is also where the gap after it starts.
    if (offset < run[from] + run.length || bias === 'before') return run[to] + offset - run[from];
  }
  if (bias === 'before') return run === undefined ? 0 : run[to] + run.length;
  const next = map.runs[index + 1];
  return next === undefined ? toLength : next[to];
}

/** The body offset for an offset in the laid-out text. */
export function laidToOriginal(
  map: OffsetMap,
  laidOffset: number,
  bias: GapBias = 'after',
): number {
  return translate(map, laidOffset, bias, 'laidStart', 'originalStart', map.originalLength);
}

/** The laid-out offset for an offset in the body. */
export function originalToLaid(
  map: OffsetMap,
  originalOffset: number,
  bias: GapBias = 'after',
): number {
  return translate(map, originalOffset, bias, 'originalStart', 'laidStart', map.laidLength);
}
