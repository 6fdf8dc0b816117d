'use client';

import { SAVE_MESSAGES } from '@/lib/errors';

import type { PageDraft } from './page-draft';
import styles from './page-editor.module.css';
import type { ConflictState } from './use-page-save';

/** A draft from an earlier visit, offered until restored or discarded (DATA-3). */
export function DraftOfferBanner({
  offer,
  onRestore,
  onDiscard,
}: {
  offer: PageDraft;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const savedAt = new Date(offer.savedAt);
  return (
    <div className={`notice ${styles.banner}`} role="region" aria-label="Local draft">
      <span>
        You have unsaved changes from{' '}
        <time dateTime={savedAt.toISOString()}>{savedAt.toLocaleString()}</time>:
      </span>
      <button type="button" className="button button-primary" onClick={onRestore}>
        Restore
      </button>
      <button type="button" className="button" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}

/**
 * Confluence answered 429: the live countdown to the automatic retry. Not a live region (a
 * screen reader would read every second); the status bar announces "Waiting to retry" once.
 */
export function RetryBanner({
  secondsLeft,
  onCancel,
}: {
  secondsLeft: number;
  onCancel: () => void;
}) {
  return (
    <div className={`notice ${styles.banner}`} role="region" aria-label="Save retry">
      <span data-testid="save-retry">{SAVE_MESSAGES.busyRetrying(secondsLeft)}</span>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * A colleague saved meanwhile: reopen the merge / conflict view, or the two blunt ways out —
 * overwrite theirs (after confirming), or load theirs with mine kept aside as a draft.
 */
export function ConflictBanner({
  conflict,
  busy,
  reloading,
  onOpen,
  onOverwrite,
  onReload,
}: {
  conflict: ConflictState;
  busy: boolean;
  reloading: boolean;
  onOpen: () => void;
  onOverwrite: () => void;
  onReload: () => void;
}) {
  return (
    <div className={`alert ${styles.banner}`} role="alert">
      <span>{SAVE_MESSAGES.conflict(conflict.currentVersion)}</span>
      {conflict.merge ? (
        <button type="button" className="button" onClick={onOpen}>
          {conflict.merge.outcome.clean ? 'Review the merge' : 'Resolve the conflict'}
        </button>
      ) : conflict.error ? (
        <span>{conflict.error.message}</span>
      ) : (
        <span>Fetching their version…</span>
      )}
      <button type="button" className="button" onClick={onOverwrite} disabled={busy}>
        Overwrite with mine
      </button>
      <button type="button" className="button" onClick={onReload} disabled={reloading || busy}>
        Reload latest
      </button>
    </div>
  );
}
