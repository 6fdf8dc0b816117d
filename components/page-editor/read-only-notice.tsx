'use client';

import styles from './page-editor.module.css';

export const READ_ONLY_SAVE_WHY = 'Read-only for you: Confluence will not accept a save.';

/**
 * Shown on open when Confluence says the signed-in user may read this page but not edit it, so
 * nobody learns it from a failed save. Local work (drafts, preview, diff, Scratchpad) goes on.
 */
export function ReadOnlyNotice({ reason, id }: { reason: string; id: string }) {
  return (
    <div id={id} className={`notice ${styles.banner}`} role="region" aria-label="Read-only page">
      <span>
        <strong>This page is read-only for you.</strong> {reason}
      </span>
    </div>
  );
}
