'use client';

import { useId, useMemo, useState } from 'react';

import { StorageDiffEditorLoader } from '@/components/editor/diff-editor-loader';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { canonicalizeForDiff } from '@/lib/storage-format/canonical';

import styles from './page-editor.module.css';

export interface DiffViewProps {
  heading: string;
  original: string;
  modified: string;
  /** Names of the two sides, e.g. "Version 3" and "Your text". */
  originalLabel: string;
  modifiedLabel: string;
  theme: 'light' | 'dark';
  onClose: () => void;
}

/**
 * Both sides in the form they are compared in: canonical and laid out one block per line when the
 * option is on and both parse (so re-indenting, attribute order, `&nbsp;` vs `&#160;` or `<p/>`
 * vs `<p></p>` is no change: the same canonical form Save uses to refuse an empty save), as
 * written otherwise.
 */
function comparable(original: string, modified: string, ignoreFormatting: boolean) {
  if (!ignoreFormatting) return { original, modified, formatted: false };
  const left = canonicalizeForDiff(original);
  const right = canonicalizeForDiff(modified);
  if (left === null || right === null) return { original, modified, formatted: false };
  return { original: left, modified: right, formatted: true };
}

/** A read-only comparison in a dialog (toolbar "Diff", the save panel's "Review diff"). */
export function DiffView({
  heading,
  original,
  modified,
  originalLabel,
  modifiedLabel,
  theme,
  onClose,
}: DiffViewProps) {
  const id = useId();
  const [ignoreFormatting, setIgnoreFormatting] = useState(true);
  const sides = useMemo(
    () => comparable(original, modified, ignoreFormatting),
    [original, modified, ignoreFormatting],
  );
  const same = sides.original === sides.modified;

  return (
    <ModalDialog heading={heading} onClose={onClose} size="wide">
      <div className={styles.diffOptions}>
        <div className={styles.checkField}>
          <input
            id={`${id}-ignore`}
            type="checkbox"
            checked={ignoreFormatting}
            onChange={(event) => setIgnoreFormatting(event.target.checked)}
          />
          <label htmlFor={`${id}-ignore`}>Ignore formatting-only changes</label>
        </div>
        <p className={styles.diffLegend}>
          <span>Left: {originalLabel}</span>
          <span>Right: {modifiedLabel}</span>
          <span>F7 / Shift+F7: next / previous change</span>
        </p>
        <p role="status" className={styles.diffStatus} data-testid="diff-status">
          {ignoreFormatting && !sides.formatted
            ? 'One side does not parse, so it is compared as written. '
            : ''}
          {same ? 'No differences.' : ''}
        </p>
      </div>
      <div className={styles.diffHost}>
        <StorageDiffEditorLoader
          original={sides.original}
          modified={sides.modified}
          originalLabel={`${originalLabel} (read-only)`}
          modifiedLabel={`${modifiedLabel} (read-only)`}
          theme={theme}
          ignoreTrimWhitespace={ignoreFormatting}
        />
      </div>
    </ModalDialog>
  );
}
