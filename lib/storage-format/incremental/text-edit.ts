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

export function findEdit(previous: string, next: string): TextEdit {
  const shorter = Math.min(previous.length, next.length);
  let start = 0;
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let suffix = 0;
  const maxSuffix = shorter - start;
  while (
    suffix < maxSuffix &&
    previous.charCodeAt(previous.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  return {
    start,
    oldEnd: previous.length - suffix,
    newEnd: next.length - suffix,
    delta: next.length - previous.length,
  };
}
