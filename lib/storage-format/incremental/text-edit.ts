/**
 * The one range that differs between two texts: `[start, oldEnd)` of the old text became
 * `[start, newEnd)` of the new one. Found from the common prefix and suffix, so it covers any
 * edit (typing, paste, undo, a replace-all) without the editor having to report it.
 */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** How far text after the edit moved: `newEnd - oldEnd`. */
  delta: number;
}

/**
 * How many UTF-16 units two texts share at the start, and (not overlapping it) at the end: the
 * one scan behind every "what changed" question the engine asks of two texts.
 */
export function commonTextEnds(before: string, after: string): { head: number; tail: number } {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { head, tail };
}

export function findEdit(previous: string, next: string): TextEdit {
  const { head, tail } = commonTextEnds(previous, next);
  return {
    start: head,
    oldEnd: previous.length - tail,
    newEnd: next.length - tail,
    delta: next.length - previous.length,
  };
}
