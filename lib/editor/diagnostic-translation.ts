import { plainMessage } from '@/lib/storage-format/confluence-parse-error';
import type { Diagnostic } from '@/lib/storage-format/types';

import { applyEdits, type OffsetEdit, quickFixesFor } from './quick-fixes';

/**
 * The engine's diagnostics (and Confluence's refusals, which the engine words the same way) as
 * the save panel shows them: the cause in plain words, what to do, and the mechanical repairs
 * that apply with one click.
 */

/** One mechanical repair: edits on the body as it was when translated. */
export interface TranslatedFix {
  title: string;
  edits: OffsetEdit[];
}

export interface DiagnosticTranslation {
  /** What went wrong, in plain words. */
  cause: string;
  /** What to do about it: the best fix's title when there is one. */
  advice: string;
  /** Mechanical repairs, best first (may be empty). */
  fixes: TranslatedFix[];
}

/** Translates one diagnostic of `source` (from parseStorage, validateStorage or the server). */
export function translateDiagnostic(source: string, diagnostic: Diagnostic): DiagnosticTranslation {
  const fixes = quickFixesFor(source, diagnostic).map(({ title, edits }) => ({ title, edits }));
  return {
    cause: plainMessage(diagnostic.message),
    advice: fixes.length > 0 ? fixes[0]!.title : 'Edit the marked markup.',
    fixes,
  };
}

/** Applies a fix to the body it was made for and returns the new body. */
export function applyFix(source: string, fix: TranslatedFix): string {
  return applyEdits(source, fix.edits);
}
