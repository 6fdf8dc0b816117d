'use client';

import type { FidelityEntry } from '@/lib/preview/preview-fidelity';
import type { FidelitySummary } from '@/lib/preview/preview-fidelity-badges';

import styles from './preview-pane.module.css';

export interface FidelitySummaryLineProps {
  summary: FidelitySummary;
  /** The blocks that are not exact, unresolved first (fidelityEntries). */
  entries: readonly FidelityEntry[];
  /** References have not been checked with Confluence yet (the page editor, before the check). */
  unchecked: boolean;
  /** Switches the pane to Confluence's own rendering; absent offline (the Scratchpad). */
  onSwitchToConfluence?: () => void;
  /** Scrolls the preview to the block starting at `offset` and focuses its mark. */
  onJump: (offset: number) => void;
}

const KIND = { unresolved: 'Unresolved', approximate: 'Approximate' } as const;

/**
 * The one line above the instant preview that says what it does not show exactly: the counts,
 * then one button per such block (its reason; the full one in the tooltip) that jumps to it. The
 * blocks themselves carry only a thin edge in the frame (preview-marks.ts).
 */
export function FidelitySummaryLine({
  summary,
  entries,
  unchecked,
  onSwitchToConfluence,
  onJump,
}: FidelitySummaryLineProps) {
  const marked = entries.length > 0;
  return (
    <div className={styles.fidelity} data-testid="fidelity-summary">
      <span className={styles.fidelityCount}>
        {summary.text}
        {marked &&
          (onSwitchToConfluence ? (
            <>
              {' — '}
              <button
                type="button"
                className={`link-button ${styles.linkButton}`}
                onClick={onSwitchToConfluence}
              >
                switch to Confluence rendering
              </button>{' '}
              for the exact result
            </>
          ) : (
            ' — Confluence renders them exactly in the page editor'
          ))}
        {unchecked ? ' (links and attachments not checked yet)' : ''}
      </span>
      {marked && (
        <ul className={styles.fidelityEntries} aria-label="Go to a block that is not exact">
          {entries.map((entry) => (
            <li key={`${entry.fidelity}-${entry.start}`}>
              <button
                type="button"
                className={`${styles.fidelityEntry} ${styles[entry.fidelity]}`}
                title={`${entry.label} — go to this block`}
                data-source-offset={entry.start}
                onClick={() => onJump(entry.start)}
              >
                <span className="visually-hidden">{KIND[entry.fidelity]}: </span>
                {entry.short}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
