import { commonEnds } from '../line-diff-core';

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
  const { head, tail } = commonEnds(previous, next);
  return {
    start: head,
    oldEnd: previous.length - tail,
    newEnd: next.length - tail,
    delta: next.length - previous.length,
  };
}
