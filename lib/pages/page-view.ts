import {
  bodyToSave,
  type LaidOutBody,
  layoutForEditing,
  projectToOriginal,
} from '@/lib/storage-format/layout';

/**
 * What the page editor shows for a stored body, and what a save sends for the text shown
 * (docs/storage-format.md). A body on long lines (Confluence's own editor stores a page on one
 * line) is shown laid out, one block per line; every save carries the user's edits back to the
 * stored layout, so Confluence's history shows only what the user changed. With "Save formatted"
 * the shown text itself is saved instead.
 */

export type { LaidOutBody } from '@/lib/storage-format/layout';

/** The view of a stored body: laid out when it has long lines, else the body as stored. */
export function viewOf(stored: string): LaidOutBody {
  return layoutForEditing(stored);
}

/** The body a save sends for the editor's text, shown over `view`. */
export function bodyToSend(view: LaidOutBody, text: string, saveFormatted: boolean): string {
  return saveFormatted ? text : bodyToSave(view, text);
}

/**
 * The body a save sends for the result of a merge after a 409. The merge works on the formatted
 * forms of the three bodies (`mergedFormatted`), so its result is text in the formatted layout of
 * their version: carried back onto their stored layout, the new base, whatever layout that has
 * (one line or lines of its own). A merge that could not format its sides is saved as it is.
 */
export function mergedBodyToSend(
  theirs: string,
  merged: string,
  mergedFormatted: boolean,
  saveFormatted: boolean,
): string {
  if (!mergedFormatted || saveFormatted) return merged;
  const laid = layoutForEditing(theirs, true);
  return projectToOriginal(laid.original, laid.map, laid.text, merged);
}

/**
 * A text the editor kept aside (a draft) as the view of `view`'s stored body: a text kept in the
 * stored layout (`laidOut` false: a save that failed, a draft from before the laid-out view) is
 * laid out like the view, so the next save carries only its real edits.
 */
export function textForView(view: LaidOutBody, text: string, laidOut: boolean): string {
  if (!view.laidOut || laidOut) return text;
  return layoutForEditing(text, true).text;
}
