/**
 * The shortest edit script between two sequences of lines (or of line ids), by Myers' O(ND)
 * algorithm: the one diff behind the save panel's change count, the layout's text edits and the
 * three-way merge after a save conflict. It lives in the engine because the engine's layout uses
 * it and the engine imports nothing else of the app (docs/architecture.md).
 *
 * Every search is bounded, so no input can hang the tab: beyond `maxEdits` (the length D of the
 * script) or `maxWork` (steps of the search) it gives up, and callers either report that or take
 * the differing middle as one replacement, which is a correct diff, just not the smallest.
 */

/** `a[aStart, aEnd)` was replaced by `b[bStart, bEnd)`; either side may be empty. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface DiffLimits {
  /** Edit scripts longer than this are not searched for. */
  maxEdits: number;
  /** Steps of the search (diagonals tried plus equal items followed) before giving up. */
  maxWork?: number;
}

/**
 * How many items the two sequences share at the start and (without overlapping it) at the end:
 * lines of two texts here, characters of two texts for the incremental parse and the layout's
 * text edits (strings are compared by code unit, which spares a one-character string per step on
 * the keystroke path).
 */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { head: number; tail: number } {
  if (typeof a === 'string' && typeof b === 'string') return commonStringEnds(a, b);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  return { head, tail };
}

/**
 * Strings compare a chunk at a time first: substring equality runs natively (no copy, a memory
 * compare), about 15× faster than a character loop over the half megabyte on each side of an
 * edit in the middle of a 1 MB page, which every keystroke there pays.
 */
const STRING_CHUNK = 512;

function commonStringEnds(a: string, b: string): { head: number; tail: number } {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (
    head + STRING_CHUNK <= shorter &&
    a.substring(head, head + STRING_CHUNK) === b.substring(head, head + STRING_CHUNK)
  ) {
    head += STRING_CHUNK;
  }
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  const room = shorter - head;
  let tail = 0;
  while (
    tail + STRING_CHUNK <= room &&
    a.substring(a.length - tail - STRING_CHUNK, a.length - tail) ===
      b.substring(b.length - tail - STRING_CHUNK, b.length - tail)
  ) {
    tail += STRING_CHUNK;
  }
  while (tail < room && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail))
    tail++;
  return { head, tail };
}

/**
 * Myers' forward search over `a` and `b`, calling `step` with the V array after each D (while
 * recording a path). Returns D, or null when a limit is reached first.
 * v[k + offset] is the furthest x reached on diagonal k = x - y.
 */
function forwardSearch<T>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  limits: DiffLimits,
  step?: (v: Int32Array, d: number, offset: number) => void,
): number | null {
  const n = a.length;
  const m = b.length;
  // Nothing to search: the other side is all added or all removed.
  if (n === 0 || m === 0) return n + m;
  const limit = Math.min(n + m, limits.maxEdits);
  const maxWork = limits.maxWork ?? Infinity;
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  let work = 0;
  for (let d = 0; d <= limit; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!)
          ? v[k + 1 + offset]!
          : v[k - 1 + offset]! + 1;
      let y = x - k;
      const from = x;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      work += 1 + x - from;
      v[k + offset] = x;
      if (x >= n && y >= m) {
        step?.(v, d, offset);
        return d;
      }
    }
    step?.(v, d, offset);
    if (work > maxWork) return null;
  }
  return null;
}

/**
 * D, the length of the shortest edit script (items removed plus items added), or null beyond the
 * limits. O(N + M) memory: no path is kept.
 */
export function shortestEditLength<T>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  limits: DiffLimits,
): number | null {
  return forwardSearch(a, b, limits);
}

/**
 * The shortest edit script as hunks (ascending, each maximal), or null beyond the limits. The
 * common head and tail are skipped first; the path is walked back from one V window per step
 * (diagonals -D..D only), O(D²) memory bounded by `maxEdits`.
 */
export function diffHunks<T>(a: ArrayLike<T>, b: ArrayLike<T>, limits: DiffLimits): Hunk[] | null {
  const { head, tail } = commonEnds(a, b);
  const aMiddle = middle(a, head, a.length - tail);
  const bMiddle = middle(b, head, b.length - tail);
  if (aMiddle.length === 0 && bMiddle.length === 0) return [];
  if (aMiddle.length === 0 || bMiddle.length === 0) {
    return [{ aStart: head, aEnd: a.length - tail, bStart: head, bEnd: b.length - tail }];
  }
  const trace: Int32Array[] = [];
  const found = forwardSearch(aMiddle, bMiddle, limits, (v, d, offset) => {
    trace.push(v.slice(offset - d, offset + d + 1));
  });
  if (found === null) return null;
  return hunksFromOps(walkBack(trace, found, aMiddle.length, bMiddle.length), head);
}

/**
 * {@link diffHunks}, or past the limits the differing middle (between the common head and tail)
 * as one hunk: a correct script, if not the shortest. `exact` says which.
 */
export function diffHunksOrReplace<T>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  limits: DiffLimits,
): { hunks: Hunk[]; exact: boolean } {
  const hunks = diffHunks(a, b, limits);
  if (hunks !== null) return { hunks, exact: true };
  const { head, tail } = commonEnds(a, b);
  return {
    hunks: [{ aStart: head, aEnd: a.length - tail, bStart: head, bEnd: b.length - tail }],
    exact: false,
  };
}

/** `items[from, to)` without copying when it is the whole. */
function middle<T>(items: ArrayLike<T>, from: number, to: number): ArrayLike<T> {
  if (from === 0 && to === items.length) return items;
  return Array.prototype.slice.call(items, from, to) as T[];
}

type Op = '=' | '-' | '+';

/**
 * The path back from (n, m): each step of D is one deletion (x - 1) or insertion (y - 1) after
 * the snake of equal items that followed it. `trace[d]` holds V for diagonals -d..d.
 */
function walkBack(trace: readonly Int32Array[], found: number, n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const prev = trace[d - 1]!;
    // prev[k + d - 1] is V[k] at step d - 1.
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      ops.push('=');
      x -= 1;
      y -= 1;
    }
    ops.push(down ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

/** Runs of deletions and insertions between equal items, as hunks shifted by `shift`. */
function hunksFromOps(ops: readonly Op[], shift: number): Hunk[] {
  const hunks: Hunk[] = [];
  let ai = shift;
  let bi = shift;
  for (const op of ops) {
    if (op === '=') {
      ai += 1;
      bi += 1;
      continue;
    }
    const last = hunks[hunks.length - 1];
    if (last === undefined || last.aEnd !== ai || last.bEnd !== bi) {
      hunks.push({ aStart: ai, aEnd: ai, bStart: bi, bEnd: bi });
    }
    const hunk = hunks[hunks.length - 1]!;
    if (op === '-') hunk.aEnd = ai += 1;
    else hunk.bEnd = bi += 1;
  }
  return hunks;
}
