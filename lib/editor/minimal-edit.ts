/** One replacement `[start, end)` of the old text by `text`. */
export interface MinimalEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), so that
 * formatting or converting a paste keeps the cursor, the scroll position and a small undo step.
 * Null when the texts are equal.
 */
export function minimalEdit(before: string, after: string): MinimalEdit | null {
  if (before === after) return null;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix += 1;
  return {
    start: prefix,
    end: before.length - suffix,
    text: after.slice(prefix, after.length - suffix),
  };
}
