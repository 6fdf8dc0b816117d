import { type ReadBackPage, verifySave } from './save-verification';

/**
 * A save the user stopped waiting for. The PUT may still land after the browser gives up, so the
 * page is read again, as for a save whose answer was lost (docs/security.md DATA-6): at base + 1
 * with our title and body it is saved, at base it is not (yet), anything else is a conflict. "Save
 * again" carries the same expected version, so a save that lands later is refused, never doubled.
 */

export interface StoppedSave {
  /** The version the save was based on: ours would be `baseVersion + 1`. */
  baseVersion: number;
  title: string;
  body: string;
}

export type StoppedSaveOutcome =
  /** Confluence holds our save as the expected version. */
  | { kind: 'saved'; version: number }
  /** The page is still at the base version: the save has not landed (so far). */
  | { kind: 'not-saved' }
  /** Someone else's save is there (docs/security.md DATA-2 takes over). */
  | { kind: 'conflict'; currentVersion: number }
  /** The page could not be read again, so nobody knows. */
  | { kind: 'unknown' };

/** What Confluence's page, read again after the wait was stopped (null: unreadable), means. */
export function stoppedSaveOutcome(
  sent: StoppedSave,
  readBack: ReadBackPage | null,
): StoppedSaveOutcome {
  if (readBack === null) return { kind: 'unknown' };
  // The parent is not part of what a stopped save is judged by: a move is a version of its own.
  const verdict = verifySave({ ...sent, parentId: readBack.parentId }, readBack, sent.baseVersion);
  if ('version' in verdict && verdict.versionMatches && verdict.titleMatches && verdict.bodyMatches)
    return { kind: 'saved', version: verdict.version };
  const current = readBack.version.number;
  return current === sent.baseVersion
    ? { kind: 'not-saved' }
    : { kind: 'conflict', currentVersion: current };
}

/** The words for an outcome the editor shows; `draftKept`: the text is a local draft too. */
export function stoppedSaveMessage(
  outcome: Exclude<StoppedSaveOutcome, { kind: 'conflict' }>,
  baseVersion: number,
  draftKept: boolean,
): string {
  const safe = draftKept
    ? 'your text is safe (in the editor and as a local draft)'
    : 'your text stays in the editor (it could not be kept as a local draft)';
  switch (outcome.kind) {
    case 'saved':
      return `Saved after all: v${outcome.version}. Confluence took the save before Pagewright stopped waiting.`;
    case 'not-saved':
      return `Not saved; ${safe}. Confluence still has version ${baseVersion}.`;
    case 'unknown':
      return `Pagewright could not find out whether the save reached Confluence; ${safe}. Save again: if the first save did land, you see it instead of a second copy.`;
  }
}
