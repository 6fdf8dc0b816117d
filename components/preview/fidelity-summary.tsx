'use client';

import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';

import type { FidelityEntry } from '@/lib/preview/preview-fidelity';
import {
  FIRST_ENTRY_BUTTONS,
  MORE_ENTRY_BUTTONS,
  type FidelitySummary,
} from '@/lib/preview/preview-fidelity-badges';

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

/** The same buttons: what each says, whatever offsets an edit above moved the blocks to. */
function sameButtons(a: readonly FidelityEntry[], b: readonly FidelityEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.fidelity !== y.fidelity || x.label !== y.label || x.short !== y.short) return false;
  }
  return true;
}

interface EntryButtonsProps {
  entries: readonly FidelityEntry[];
  onJumpTo: (index: number) => void;
}

/**
 * One button per block that is not exact, the first {@link FIRST_ENTRY_BUTTONS} at once. A
 * keystroke moves every block below it in the source; the buttons do not change with that (a
 * jump reads the block's offset when clicked), so a page with a thousand macros does not rebuild
 * its buttons per key.
 */
const EntryButtons = memo(
  function EntryButtons({ entries, onJumpTo }: EntryButtonsProps) {
    const [limit, setLimit] = useState(FIRST_ENTRY_BUTTONS);
    const list = useRef<HTMLUListElement>(null);
    // After "Show more", focus goes to the first new button, where a keyboard user was heading.
    const focusAt = useRef<number | null>(null);
    useLayoutEffect(() => {
      const index = focusAt.current;
      focusAt.current = null;
      if (index !== null) list.current?.querySelectorAll('button')[index]?.focus();
    }, [limit]);
    const shown = Math.min(limit, entries.length);
    const hidden = entries.length - shown;
    return (
      <ul
        ref={list}
        className={styles.fidelityEntries}
        aria-label="Go to a block that is not exact"
      >
        {entries.slice(0, shown).map((entry, index) => (
          // By place in the list: the blocks' offsets move with every edit above them.
          <li key={index}>
            <button
              type="button"
              className={`${styles.fidelityEntry} ${styles[entry.fidelity]}`}
              title={`${entry.label} — go to this block`}
              onClick={() => onJumpTo(index)}
            >
              <span className="visually-hidden">{KIND[entry.fidelity]}: </span>
              {entry.short}
            </button>
          </li>
        ))}
        {hidden > 0 && (
          <li>
            <button
              type="button"
              className={`link-button ${styles.linkButton}`}
              onClick={() => {
                focusAt.current = shown;
                setLimit(shown + MORE_ENTRY_BUTTONS);
              }}
            >
              {hidden > MORE_ENTRY_BUTTONS
                ? `Show ${MORE_ENTRY_BUTTONS} more (${hidden.toLocaleString('en')} not listed)`
                : `Show ${hidden} more`}
            </button>
          </li>
        )}
      </ul>
    );
  },
  (before, after) =>
    before.onJumpTo === after.onJumpTo && sameButtons(before.entries, after.entries),
);

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
  const latest = useRef({ entries, onJump });
  useLayoutEffect(() => {
    latest.current = { entries, onJump };
  });
  const jumpTo = useCallback((index: number) => {
    const entry = latest.current.entries[index];
    if (entry) latest.current.onJump(entry.start);
  }, []);
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
      {marked && <EntryButtons entries={entries} onJumpTo={jumpTo} />}
    </div>
  );
}
