'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';

import styles from '@/components/attachments/around-page.module.css';
import { ErrorAlert } from '@/components/ui/error-alert';
import { isAppError, type AppError } from '@/lib/errors';
import { addLabel, labelsQueryOptions, removeLabel } from '@/lib/queries/labels';
import { useSession } from '@/lib/queries/session';

/**
 * The page's labels: each with a "Remove label …" button, and an "Add label" field that adds on
 * Enter. A refused name comes back in Confluence's words and stays in the field to correct.
 */
export function LabelsPanel({ pageId }: { pageId: string }) {
  const headingId = useId();
  const fieldId = useId();
  const client = useQueryClient();
  // Not while signed out (or signing out): the page stays on screen, the session does not.
  const signedIn = Boolean(useSession().data?.session);
  const labels = useQuery({ ...labelsQueryOptions(pageId), enabled: signedIn });
  const [draft, setDraft] = useState('');
  const queryKey = labelsQueryOptions(pageId).queryKey;
  const add = useMutation({
    mutationFn: (name: string) => addLabel(pageId, name),
    onSuccess: (next) => {
      client.setQueryData(queryKey, next);
      setDraft('');
    },
  });
  const remove = useMutation({
    mutationFn: (name: string) => removeLabel(pageId, name),
    onSuccess: (next) => client.setQueryData(queryKey, next),
  });
  const error = [add.error, remove.error, labels.error].find((e) => isAppError(e)) as
    AppError | undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const name = draft.trim();
    if (name && !add.isPending) add.mutate(name);
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Labels
      </h2>
      {labels.isPending ? (
        <p className={styles.muted}>Loading labels…</p>
      ) : (
        <ul className={styles.chips} aria-label="Labels of this page">
          {(labels.data ?? []).length === 0 && <li className={styles.muted}>No labels yet.</li>}
          {(labels.data ?? []).map((label) => (
            <li key={label.id} className={styles.chip}>
              {label.name}
              <button
                type="button"
                aria-label={`Remove label ${label.name}`}
                title={`Remove label ${label.name}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(label.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.field}>
        <label htmlFor={fieldId}>Add label</label>
        <input
          id={fieldId}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            if (add.error) add.reset();
          }}
          onKeyDown={onKeyDown}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          aria-invalid={add.error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        {add.isPending && <span className={styles.muted}>Adding…</span>}
      </div>
      {error && <ErrorAlert id={`${fieldId}-error`} error={error} />}
    </section>
  );
}
