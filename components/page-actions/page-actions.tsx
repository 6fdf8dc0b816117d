'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { CreatePageDialog } from './create-page-dialog';
import { MovePageDialog } from './move-page-dialog';

export interface PageActionsProps {
  page: { id: string; title: string; spaceKey: string; parentId: string | null };
  baseVersion: number;
  /** Unsaved changes: opening the new page asks first (the text is kept as a draft). */
  dirty: boolean;
  keepDraft: () => void;
  /** Cloud: a folder may be the new parent. */
  foldersAllowed: boolean;
  /** The page now has a new parent and version (its title and body did not change). */
  onMoved: (version: number, parentId: string) => void;
}

/** The editor toolbar's "New page" (a child of this page) and "Move" buttons, with their dialogs. */
export function PageActions({
  page,
  baseVersion,
  dirty,
  keepDraft,
  foldersAllowed,
  onMoved,
}: PageActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<'create' | 'move' | null>(null);

  const openCreated = (id: string) => {
    setDialog(null);
    if (dirty) {
      keepDraft();
      if (!window.confirm('Open the new page? Your unsaved changes are kept as a local draft.')) {
        return;
      }
    }
    router.push(`/pages/${encodeURIComponent(id)}`);
  };

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setDialog('create')}>
        New page
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setDialog('move')}>
        Move
      </button>
      {dialog === 'create' && (
        <CreatePageDialog
          parent={{ id: page.id, title: page.title, spaceKey: page.spaceKey }}
          onCreated={openCreated}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'move' && (
        <MovePageDialog
          page={page}
          baseVersion={baseVersion}
          foldersAllowed={foldersAllowed}
          onMoved={(result, parentId) => {
            setDialog(null);
            onMoved(result.version, parentId);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
