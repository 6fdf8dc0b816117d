/**
 * The edits between two versions of a text, as few and as small as a diff finds them: the common
 * head and tail are skipped, the middle is compared line by line (Myers' O(ND) algorithm), and
 * each changed run of lines character by character. A whole-text replacement (Format, a merge,
 * a restored version) thus becomes the handful of edits it really made, so that the layout the
 * editor inserted between unchanged blocks is never taken for an edit.
 */

/** Replace `[start, end)` of the old text by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Beyond this many line edits the changed lines are taken as one replacement. */
const MAX_LINE_EDITS = 2000;
/** Beyond this many character edits a changed run of lines is taken as one replacement. */
const MAX_CHAR_EDITS = 600;

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The shortest edit script between two sequences as hunks, or null beyond `maxEdits`. Keeps one
 * V array per step to walk the path back: O(D²) memory, bounded by `maxEdits`.
 */
function myersHunks(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): Hunk[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: 0, aEnd: n, bStart: 0, bEnd: m }];
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!)
          ? v[k + 1 + offset]!
          : v[k - 1 + offset]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice());
  }
  if (found < 0) return null;
  // Walk back: each step is one deletion (x-1) or insertion (y-1) followed by a snake.
  const ops: ('=' | '-' | '+')[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[k - 1 + offset]! < prev[k + 1 + offset]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + offset]!;
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      ops.push('=');
      x--;
      y--;
    }
    ops.push(down ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  ops.reverse();
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  for (const op of ops) {
    if (op === '=') {
      ai++;
      bi++;
      continue;
    }
    const last = hunks[hunks.length - 1];
    if (last === undefined || last.aEnd !== ai || last.bEnd !== bi) {
      hunks.push({ aStart: ai, aEnd: ai, bStart: bi, bEnd: bi });
    }
    const hunk = hunks[hunks.length - 1]!;
    if (op === '-') hunk.aEnd = ++ai;
    else hunk.bEnd = ++bi;
  }
  return hunks;
}

/** Line start offsets of `text`, newline kept with its line, plus the end. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

function codes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Character edits of `before[from, to)` into `after`, offsets in `before`'s coordinates. */
function charEdits(before: string, after: string, base: number): TextEdit[] {
  const hunks = myersHunks(codes(before), codes(after), MAX_CHAR_EDITS);
  if (hunks === null) return [{ start: base, end: base + before.length, text: after }];
  return hunks.map((h) => ({
    start: base + h.aStart,
    end: base + h.aEnd,
    text: after.slice(h.bStart, h.bEnd),
  }));
}

/** The edits turning `before` into `after`, ascending and disjoint; empty when they are equal. */
export function diffTexts(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  // Compare whole lines: widen the middle to the line boundaries on both sides.
  const lineHead = before.lastIndexOf('\n', head - 1) + 1;
  const beforeMiddle = before.slice(lineHead, before.length - tail);
  const afterMiddle = after.slice(lineHead, after.length - tail);
  const aStarts = lineStarts(beforeMiddle);
  const bStarts = lineStarts(afterMiddle);
  const ids = new Map<string, number>();
  const lineIds = (text: string, starts: number[]): Int32Array => {
    const out = new Int32Array(starts.length - 1);
    for (let i = 0; i + 1 < starts.length; i++) {
      const line = text.slice(starts[i], starts[i + 1]);
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const hunks = myersHunks(
    lineIds(beforeMiddle, aStarts),
    lineIds(afterMiddle, bStarts),
    MAX_LINE_EDITS,
  ) ?? [{ aStart: 0, aEnd: aStarts.length - 1, bStart: 0, bEnd: bStarts.length - 1 }];
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    const from = aStarts[h.aStart]!;
    const to = aStarts[h.aEnd]!;
    const replacement = afterMiddle.slice(bStarts[h.bStart], bStarts[h.bEnd]);
    edits.push(...charEdits(beforeMiddle.slice(from, to), replacement, lineHead + from));
  }
  return edits;
}

/** `text` with `edits` (ascending, disjoint, in its coordinates) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
