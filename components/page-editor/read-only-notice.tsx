'use client';

import type { ReadOnlyReason } from '@/lib/queries/permissions';

import styles from './page-editor.module.css';

export const READ_ONLY_SAVE_WHY = 'Read-only for you: Confluence will not accept a save.';

/** The notice's heading per cause: what stops the user, in a few words. */
const HEADINGS: Record<ReadOnlyReason['cause'] & string, string> = {
  'page-restriction': 'This page is read-only for you: it has an edit restriction.',
  'space-permission': 'This page is read-only for you: you cannot edit pages in this space.',
  unknown: 'This page is read-only for you.',
};

/**
 * Shown on open when Confluence says the signed-in user may read this page but not edit it, so
 * nobody learns it from a failed save: which cause (a page restriction, or the space's
 * permissions), who may edit when the restriction says, and what to do. Local work (drafts,
 * preview, diff, Scratchpad) goes on.
 */
export function ReadOnlyNotice({ reason, id }: { reason: ReadOnlyReason; id: string }) {
  return (
    <div
      id={id}
      className={`notice ${styles.banner}`}
      role="region"
      aria-label="Read-only page"
      data-cause={reason.cause ?? 'unknown'}
    >
      <p className={styles.readOnlyText}>
        <strong>{HEADINGS[reason.cause ?? 'unknown']}</strong> {reason.reason}
      </p>
      {reason.advice && <p className={styles.readOnlyText}>{reason.advice}</p>}
    </div>
  );
}
