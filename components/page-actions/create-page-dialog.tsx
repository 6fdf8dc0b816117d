'use client';

import { type FormEvent, useId, useRef, useState } from 'react';

import { useCreatePage, useSpaces } from '@/lib/queries/page-tree';

import { ModalDialog } from '@/components/ui/modal-dialog';
import { useTitleCheck, useTitleSuggestion } from '@/components/page-editor/title-field';
import { ErrorAlert } from '@/components/ui/error-alert';

import { DialogFooter } from './dialog-footer';
import styles from './page-actions.module.css';

/** No page has this id: the title check then treats every use of the title as a clash. */
const NO_PAGE = '0';

export interface CreatePageDialogProps {
  /** The new page's parent (the page being edited), or null for the top of a chosen space. */
  parent: { id: string; title: string; spaceKey: string } | null;
  onCreated: (id: string) => void;
  onClose: () => void;
}

/**
 * "New page": a title (checked for a clash in the space while typing; clashes ignore case) and
 * "Create". The page starts with a short body and opens in the editor.
 */
export function CreatePageDialog({ parent, onCreated, onClose }: CreatePageDialogProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const spaces = useSpaces(parent === null);
  const [chosenSpace, setChosenSpace] = useState('');
  const spaceKey = parent?.spaceKey ?? (chosenSpace || spaces.data?.[0]?.key || '');
  const trimmed = title.trim();
  const check = useTitleCheck(NO_PAGE, spaceKey, trimmed, '', null);
  const suggestion = useTitleSuggestion(NO_PAGE, spaceKey, trimmed, check.taken, null);
  const create = useCreatePage();
  const refusal =
    trimmed === '' || check.taken ? check.status : spaceKey === '' ? 'Choose a space.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (refusal !== null || create.isPending) return;
    create.mutate(
      { spaceKey, title: trimmed, parentId: parent?.id ?? null },
      { onSuccess: (created) => onCreated(created.id) },
    );
  };

  return (
    <ModalDialog
      heading={parent ? `New page under “${parent.title}”` : 'New page'}
      onClose={onClose}
      initialFocusRef={inputRef}
      closeLabel="Cancel"
    >
      <form onSubmit={submit} className={styles.form}>
        {parent === null && (
          <>
            <label htmlFor={`${id}-space`}>Space</label>
            <select
              id={`${id}-space`}
              value={spaceKey}
              onChange={(event) => setChosenSpace(event.target.value)}
              disabled={!spaces.data}
            >
              {(spaces.data ?? []).map((space) => (
                <option key={space.key} value={space.key}>
                  {space.name} ({space.key})
                </option>
              ))}
            </select>
            {spaces.error ? <ErrorAlert error={spaces.error} /> : null}
            <p className="hint">The page goes at the top of the space.</p>
          </>
        )}
        <label htmlFor={id}>Title</label>
        <input
          id={id}
          ref={inputRef}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={255}
          spellCheck
          aria-invalid={check.taken ? true : undefined}
          aria-describedby={`${id}-status`}
        />
        <p id={`${id}-status`} role="status" className={styles.status}>
          {trimmed === '' ? '' : check.status}
        </p>
        {suggestion && (
          <button type="button" className="button" onClick={() => setTitle(suggestion)}>
            Use “{suggestion}”
          </button>
        )}
        <DialogFooter
          mutation={create}
          refused={refusal !== null}
          labels={['Create', 'Creating…']}
        />
      </form>
    </ModalDialog>
  );
}
