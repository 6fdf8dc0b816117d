import { type SaveVerification, verificationMessage } from '@/lib/pages/save-verification';
import { canonicalizeStorage, isNoOpSave } from '@/lib/storage-format/canonical';
import { findRemovals, type RemovalReport } from '@/lib/storage-format/integrity';
import { parseStorage } from '@/lib/storage-format/parse';
import type { Diagnostic } from '@/lib/storage-format/types';

import { translateDiagnostic, type TranslatedFix } from './diagnostic-translation';
import type { AppErrorDetails } from '@/lib/errors';

/**
 * The save panel's checks on what is about to be saved, worked out without React: whether the
 * save would change anything at all (canonically: re-indenting is no change) and what it would
 * remove that cannot come back (the round-trip integrity guard).
 */

export interface PageText {
  title: string;
  body: string;
}

export interface SaveChecks {
  /** Title and canonical body equal the loaded ones: the save would make an empty version. */
  noChanges: boolean;
  /** Inline comments, mentions, tasks… that the save would drop (empty when none). */
  removals: RemovalReport;
  /** The save removes something: it needs the user's explicit confirmation. */
  needsRemovalConfirmation: boolean;
}

export function buildSaveChecks(loaded: PageText, next: PageText): SaveChecks {
  const noChanges = isNoOpSave(loaded, next);
  const removals = noChanges
    ? { groups: [], total: 0, summary: null }
    : findRemovals(loaded.body, next.body);
  return { noChanges, removals, needsRemovalConfirmation: removals.total > 0 };
}

/**
 * "Unsaved changes": the text differs from the loaded version in a way Confluence would store.
 * Formatting alone (indentation, attribute order, `<p></p>` vs `<p/>`) is not a change.
 */
export function hasUnsavedChanges(loaded: PageText, next: PageText): boolean {
  return unsavedChangesAgainst(loaded)(next);
}

/**
 * {@link hasUnsavedChanges} against one loaded version, for a text checked again and again while it
 * is edited: the loaded body's canonical form is worked out once, on first need, not per check.
 * `laidOut` is the loaded body as the editor laid it out for editing (page-view.ts), which means
 * the same by construction: the text a page opens with is known unchanged without a parse.
 */
export function unsavedChangesAgainst(
  loaded: PageText,
  laidOut?: string,
): (next: PageText) => boolean {
  let loadedCanonical: string | null | undefined;
  return (next) => {
    const known = unsavedWithoutParsing(loaded, next, laidOut);
    if (known !== null) return known;
    loadedCanonical ??= canonicalizeStorage(loaded.body);
    // A loaded body that does not parse equals only itself (isCanonicallyEqual).
    return loadedCanonical === null || canonicalizeStorage(next.body) !== loadedCanonical;
  };
}

/**
 * The answers of {@link unsavedChangesAgainst} that need no parse: a changed title is unsaved, and
 * the loaded body (or its layout, `laidOut`) is not. Null when only the canonical forms can tell.
 */
export function unsavedWithoutParsing(
  loaded: PageText,
  next: PageText,
  laidOut?: string,
): boolean | null {
  if (loaded.title.trim() !== next.title.trim()) return true;
  if (loaded.body === next.body || laidOut === next.body) return false;
  return null;
}

/** One problem of a refused save, in plain words, with its mechanical repairs (maybe none). */
export interface SaveProblem {
  line: number;
  column: number;
  cause: string;
  advice: string;
  fixes: TranslatedFix[];
}

/**
 * The problems of a save refused as `invalid_storage`, translated for `body` (the text that was
 * sent). The engine's own diagnostics of the body come first: they carry exact ranges, so their
 * fixes apply. A refusal only Confluence raised (the engine passed the body) is translated from
 * the server's details, which carry Confluence's position and words.
 */
export function saveProblemsOf(
  details: AppErrorDetails<'invalid_storage'> | undefined,
  body: string,
): SaveProblem[] {
  const local = parseStorage(body).diagnostics.filter((d) => d.severity === 'error');
  const remote = (details?.diagnostics ?? []).map((d): Diagnostic => ({
    severity: 'error',
    code: d.code ?? 'confluence_parse_error',
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine ?? d.line,
    endColumn: d.endColumn ?? d.column,
  }));
  const problems = local.length > 0 ? local : remote;
  return problems.map((diagnostic) => {
    const translation = translateDiagnostic(body, diagnostic);
    return {
      line: diagnostic.line,
      column: diagnostic.column,
      cause: translation.cause,
      advice: translation.advice,
      fixes: translation.fixes,
    };
  });
}

/** What the editor shows after a save: the server's read-after-write verdict, in words. */
export interface VerificationNotice {
  ok: boolean;
  text: string;
}

/**
 * "Saved and verified v6", or the first mismatch the server found ("Saved v6, but the page read
 * back does not match: …"), or that it could not read the page back. Null from an older server
 * that sent no verification.
 */
export function verificationNoticeOf(
  verification: SaveVerification | undefined,
  savedVersion: number,
): VerificationNotice | null {
  if (!verification) return null;
  return { ok: verification.ok, text: verificationMessage(verification, savedVersion) };
}
