/**
 * The edits between two versions of a text, as few and as small as a diff finds them: the common
 * head and tail are skipped, the middle is compared line by line (Myers' O(ND) algorithm), and in
 * each changed run of lines, whole lines added or removed are told apart from lines changed, each
 * changed line giving one edit inside it. A whole-text replacement (Format, a merge, a restored
 * version) thus becomes the handful of edits it really made; an edit never spans the line break
 * and indentation between two lines that were both changed, so the layout the editor shows
 * between blocks is never taken for an edit.
 */

import { commonEnds, diffHunksOrReplace } from '../line-diff-core';

/** Replace `[start, end)` of the old text by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Beyond this many line edits the changed lines are taken as one replacement. */
const MAX_LINE_EDITS = 2000;
/** Work bound for pairing the old and new lines of one changed run (line comparisons). */
const MAX_PAIRING_WORK = 20_000;

/** Line start offsets of `text`, newline kept with its line, plus the end. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

/** The one edit between two lines: their common head and tail kept. Null when equal. */
function lineEdit(before: string, after: string, base: number): TextEdit | null {
  if (before === after) return null;
  const { head, tail } = commonEnds(before, after);
  return {
    start: base + head,
    end: base + before.length - tail,
    text: after.slice(head, after.length - tail),
  };
}

function editSize(edit: TextEdit | null): number {
  return edit === null ? 0 : edit.end - edit.start + edit.text.length;
}

/**
 * Edits for a changed run: `oldLines` (at `base` in the old text) became `newLines`. The shorter
 * side is paired line by line with the stretch of the longer side that differs least; the lines
 * of the longer side left over were added (or removed) whole.
 */
function changedRunEdits(oldLines: string[], newLines: string[], base: number): TextEdit[] {
  const single = singleEdit(oldLines.join(''), newLines.join(''), base);
  if (single !== null) return [single];
  const paired = Math.min(oldLines.length, newLines.length);
  const extra = Math.abs(oldLines.length - newLines.length);
  const moreNew = newLines.length > oldLines.length;
  const pairs = (shift: number) =>
    Array.from({ length: paired }, (_, i) =>
      moreNew ? [oldLines[i]!, newLines[i + shift]!] : [oldLines[i + shift]!, newLines[i]!],
    );
  let best = 0;
  if (extra > 0 && paired > 0 && (extra + 1) * paired <= MAX_PAIRING_WORK) {
    let bestCost = Infinity;
    for (let shift = 0; shift <= extra; shift++) {
      let cost = 0;
      for (const [a, b] of pairs(shift)) cost += editSize(lineEdit(a!, b!, 0));
      if (cost < bestCost) [best, bestCost] = [shift, cost];
    }
  }
  const edits: TextEdit[] = [];
  let at = base;
  const oldStart = moreNew ? 0 : best;
  // Removed whole lines before the paired ones, or added whole lines before them.
  const removedBefore = oldLines.slice(0, oldStart).join('');
  const addedBefore = moreNew ? newLines.slice(0, best).join('') : '';
  if (removedBefore !== '' || addedBefore !== '') {
    edits.push({ start: at, end: at + removedBefore.length, text: addedBefore });
  }
  at += removedBefore.length;
  for (const [a, b] of pairs(best)) {
    const edit = lineEdit(a!, b!, at);
    if (edit) edits.push(edit);
    at += a!.length;
  }
  const removedAfter = oldLines.slice(oldStart + paired).join('');
  const addedAfter = moreNew ? newLines.slice(best + paired).join('') : '';
  if (removedAfter !== '' || addedAfter !== '') {
    edits.push({ start: at, end: at + removedAfter.length, text: addedAfter });
  }
  return mergeTouching(edits);
}

/**
 * The run's change as one edit, when that is what it is: an edit within one line that adds no
 * line break; a deletion; or an insertion holding line breaks, either of whole lines (it can slide
 * over equal characters to a line start: a block typed on a line of its own) or inside one line
 * (it cannot: a line break typed in CDATA or in a paragraph, which is content). Null otherwise.
 */
function singleEdit(before: string, after: string, base: number): TextEdit | null {
  const edit = lineEdit(before, after, 0);
  if (edit === null) return null;
  const deleted = before.slice(edit.start, edit.end);
  const shift = (e: TextEdit): TextEdit => ({ ...e, start: e.start + base, end: e.end + base });
  if (edit.text === '' || (!edit.text.includes('\n') && !deleted.includes('\n'))) {
    return shift(edit);
  }
  if (edit.start !== edit.end) return null;
  const atLineStart = (at: number) => at === 0 || before.charCodeAt(at - 1) === 10;
  let text = edit.text;
  for (let at = edit.start; ;) {
    if (atLineStart(at)) return shift({ start: at, end: at, text });
    if (at === 0 || text.charCodeAt(text.length - 1) !== before.charCodeAt(at - 1)) break;
    text = before.charAt(at - 1) + text.slice(0, -1);
    at--;
  }
  text = edit.text;
  for (let at = edit.start; at < before.length && text.charCodeAt(0) === before.charCodeAt(at);) {
    text = text.slice(1) + before.charAt(at);
    at++;
    if (atLineStart(at)) return shift({ start: at, end: at, text });
  }
  return shift(edit);
}

/** Edits that touch (one ends where the next starts) made into one. */
function mergeTouching(edits: TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.end === edit.start) {
      merged[merged.length - 1] = { start: last.start, end: edit.end, text: last.text + edit.text };
    } else merged.push(edit);
  }
  return merged;
}

/** The edits turning `before` into `after`, ascending and disjoint; empty when they are equal. */
export function diffTexts(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const { head, tail } = commonEnds(before, after);
  // Compare whole lines: widen the middle to the line boundaries on both sides (the head and the
  // tail are common, so the widened middles still line up).
  const lineHead = head === 0 ? 0 : before.lastIndexOf('\n', head - 1) + 1;
  const suffixStart = before.length - tail;
  const breakInTail = before.indexOf('\n', suffixStart > 0 ? suffixStart - 1 : 0);
  const lineTail = breakInTail < 0 ? 0 : Math.max(0, before.length - breakInTail - 1);
  const beforeMiddle = before.slice(lineHead, before.length - lineTail);
  const afterMiddle = after.slice(lineHead, after.length - lineTail);
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
  const { hunks } = diffHunksOrReplace(
    lineIds(beforeMiddle, aStarts),
    lineIds(afterMiddle, bStarts),
    { maxEdits: MAX_LINE_EDITS },
  );
  const lines = (text: string, starts: number[], from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => text.slice(starts[from + i], starts[from + i + 1]));
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    edits.push(
      ...changedRunEdits(
        lines(beforeMiddle, aStarts, h.aStart, h.aEnd),
        lines(afterMiddle, bStarts, h.bStart, h.bEnd),
        lineHead + aStarts[h.aStart]!,
      ),
    );
  }
  return mergeTouching(edits);
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
