'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';

import { moveRefusal } from '@/lib/pages/move-rules';
import type { MovePageResult, TitleMatch } from '@/lib/queries/navigation-types';
import { fetchJson } from '@/lib/http/fetch-json';
import { useMovePage } from '@/lib/queries/page-tree';

import { TitleCombobox } from '@/components/open/title-combobox';
import { ModalDialog } from '@/components/ui/modal-dialog';

import { DialogFooter } from './dialog-footer';
import styles from './page-actions.module.css';

export interface MovePageDialogProps {
  page: { id: string; title: string; spaceKey: string; parentId: string | null };
  /** The version the editor holds: the move is refused (409) if Confluence has a newer one. */
  baseVersion: number;
  /** Cloud: folders may be parents. */
  foldersAllowed: boolean;
  onMoved: (result: MovePageResult, newParentId: string) => void;
  onClose: () => void;
}

/**
 * "Move": a "New parent" field with type-ahead by title within the page's space, and "Move".
 * The page itself and its descendants are refused here (the chosen parent's ancestors are read)
 * and again by the server; the move is a version-checked update, so a newer edit is a conflict.
 */
export function MovePageDialog({
  page,
  baseVersion,
  foldersAllowed,
  onMoved,
  onClose,
}: MovePageDialogProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<TitleMatch | null>(null);
  const move = useMovePage();
  const ancestors = useQuery({
    queryKey: ['page', picked?.id ?? '', 'ancestors', picked?.kind ?? 'page'] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ ancestors: Array<{ id: string }> }>(
        `/api/pages/${encodeURIComponent(picked!.id)}/ancestors?kind=${picked!.kind}`,
        { signal },
      ),
    enabled: picked !== null && picked.id !== page.id,
  });
  const refusal =
    picked === null
      ? 'Choose the new parent from the list.'
      : moveRefusal(
          page,
          picked.id,
          (ancestors.data?.ancestors ?? []).map((ancestor) => ancestor.id),
        );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked === null || refusal !== null || move.isPending) return;
    move.mutate(
      { id: page.id, newParentId: picked.id, newParentKind: picked.kind, baseVersion },
      { onSuccess: (result) => onMoved(result, picked.id) },
    );
  };

  return (
    <ModalDialog
      heading={`Move “${page.title}”`}
      onClose={onClose}
      initialFocusRef={inputRef}
      closeLabel="Cancel"
    >
      <form onSubmit={submit} className={styles.form}>
        <label htmlFor={id}>New parent</label>
        <TitleCombobox
          id={id}
          inputRef={inputRef}
          value={text}
          onChange={(value) => {
            setText(value);
            setPicked(null);
          }}
          onPick={(match) => {
            setText(match.title);
            setPicked(match);
          }}
          spaceKey={page.spaceKey}
          folders={foldersAllowed}
          placeholder="Type two or more letters of a title"
          describedBy={`${id}-status`}
          invalid={picked !== null && refusal !== null}
        />
        <p id={`${id}-status`} role="status" className={styles.status}>
          {text.trim() === ''
            ? `${foldersAllowed ? 'Pages and folders' : 'Pages'} in space ${page.spaceKey}.`
            : (refusal ?? `Moves under “${picked?.title}”.`)}
        </p>
        <DialogFooter mutation={move} refused={refusal !== null} labels={['Move', 'Moving…']} />
      </form>
    </ModalDialog>
  );
}
