'use client';

import { type FormEvent, useId, useRef, useState } from 'react';

import { ModalDialog } from '@/components/ui/modal-dialog';

import { useTitleCheck, useTitleSuggestion } from './title-field';

import styles from './page-editor.module.css';

export interface RenameDialogProps {
  pageId: string;
  spaceKey: string;
  /** The title the page has in Confluence (the loaded version's). */
  savedTitle: string;
  /** The title in the editor now (may already be a pending rename). */
  currentTitle: string;
  /** A title Confluence itself refused on the last save. */
  clashedTitle: string | null;
  /** Takes the new title into the editor; the next save sends it with the body in one PUT. */
  onRename: (title: string) => void;
  onClose: () => void;
}

/**
 * "Rename": a small form with a live answer to "is this title free in the space?" (debounced
 * title check) while typing. Confluence trims titles, so the check and the result are trimmed
 * too. The form refuses while the title is empty, unchanged or used by another page; the new
 * title is then part of the page's next save, never a separate request (no half-done rename).
 */
export function RenameDialog({
  pageId,
  spaceKey,
  savedTitle,
  currentTitle,
  clashedTitle,
  onRename,
  onClose,
}: RenameDialogProps) {
  const [value, setValue] = useState(currentTitle);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const trimmed = value.trim();
  const check = useTitleCheck(pageId, spaceKey, trimmed, savedTitle, clashedTitle);
  const suggestion = useTitleSuggestion(pageId, spaceKey, trimmed, check.taken, null);
  const unchanged = trimmed === currentTitle.trim();
  const refusal =
    trimmed === '' ? check.status : check.taken ? check.status : unchanged ? 'Same title.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (refusal !== null) return;
    onRename(trimmed);
  };

  return (
    <ModalDialog heading="Rename page" onClose={onClose} initialFocusRef={inputRef}>
      <form onSubmit={submit} className={styles.renameForm}>
        <label htmlFor={id}>New title</label>
        <input
          id={id}
          ref={inputRef}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          maxLength={255}
          spellCheck
          aria-invalid={check.taken || trimmed === '' ? true : undefined}
          aria-describedby={`${id}-status`}
        />
        <p id={`${id}-status`} role="status" className={styles.titleStatus}>
          {check.status}
        </p>
        {suggestion && (
          <button type="button" className="button" onClick={() => setValue(suggestion)}>
            Use “{suggestion}”
          </button>
        )}
        <p className="hint">The new title is saved with your text on the next save.</p>
        <div className={styles.dialogActions}>
          <button type="submit" className="button button-primary" disabled={refusal !== null}>
            Rename
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
