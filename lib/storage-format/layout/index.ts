import { formatStorageWithMap } from '../format';
import { needsLayout } from './needs-layout';
import { identityOffsetMap, type OffsetMap } from './offset-map';
import { projectToOriginal } from './project';

export { LONG_LINE, ONE_LINE_BODY, needsLayout } from './needs-layout';
export {
  gapsOf,
  identityOffsetMap,
  laidToOriginal,
  originalToLaid,
  type CopyRun,
  type Gap,
  type GapBias,
  type OffsetMap,
} from './offset-map';
export { compactBlockText, projectEdits, projectToOriginal } from './project';
export { applyEdits, diffTexts, type TextEdit } from './text-diff';

/** A body as the editor shows it, and how to carry edits back to the body as stored. */
export interface LaidOutBody {
  /** The body as stored. */
  original: string;
  /** What the editor shows: the body laid out on lines, or the body itself. */
  text: string;
  map: OffsetMap;
  /** False when the body is shown as stored (it is on readable lines, or does not parse). */
  laidOut: boolean;
}

/**
 * The text to edit for a stored body: laid out on lines through the formatter when
 * {@link needsLayout} says so (and the body parses), else the body itself.
 */
export function layoutForEditing(original: string, force = false): LaidOutBody {
  if (force || needsLayout(original)) {
    const { formatted, ok, map } = formatStorageWithMap(original);
    if (ok && formatted !== original) return { original, text: formatted, map, laidOut: true };
  }
  return { original, text: original, map: identityOffsetMap(original.length), laidOut: false };
}

/** The body to save for the editor's text: see {@link projectToOriginal}. */
export function bodyToSave(laid: LaidOutBody, edited: string): string {
  return projectToOriginal(laid.original, laid.map, laid.text, edited);
}
