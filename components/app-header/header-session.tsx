'use client';

import { useEffect, useState } from 'react';

import {
  clearAllDrafts,
  draftKeys,
  listUnsavedWork,
  resumeDraftWrites,
  suspendDraftWrites,
} from '@/lib/editor/draft-store';
import { useSession, useSignOut } from '@/lib/queries/session';

import { ModalDialog } from '@/components/ui/modal-dialog';
import dialogStyles from '@/components/page-editor/page-editor.module.css';
import { ErrorAlert } from '@/components/ui/error-alert';
import { flavourLabel } from '@/components/session/flavour-label';
import { Spinner } from '@/components/ui/spinner';

/** What the sign-out dialog warns about: editors with unsaved text, drafts already stored. */
interface SignOutWarning {
  unsavedTitles: string[];
  storedDrafts: number;
}

function warningText({ unsavedTitles, storedDrafts }: SignOutWarning): string {
  if (unsavedTitles.length > 0) {
    return `You have unsaved changes on ${unsavedTitles.join(', ')}: they stay as a local draft on this browser.`;
  }
  return storedDrafts === 1
    ? 'A local draft of unsaved changes stays on this browser.'
    : `${storedDrafts} local drafts of unsaved changes stay on this browser.`;
}

/**
 * The signed-in user (name, site, flavour) and "Sign out"; nothing while signed out. Signing out
 * with unsaved text (or stored drafts) asks first (issue #5): the text is written as a local draft
 * before the session ends — drafts hold page content only, never credentials — or, on a shared
 * computer, every local draft is deleted with the session.
 */
export function HeaderSession() {
  const { data } = useSession();
  const signOut = useSignOut();
  const [warning, setWarning] = useState<SignOutWarning | null>(null);
  const current = data?.session;
  const signedIn = Boolean(current);

  // Drafts deleted at sign-out stay unwritten until someone signs in again.
  useEffect(() => {
    if (signedIn) resumeDraftWrites();
  }, [signedIn]);

  if (!current) return null;

  const signOutKeepingDrafts = () => {
    setWarning(null);
    // Written now, while the editor still holds the text: the session ends right after.
    for (const work of listUnsavedWork()) work.keep();
    signOut.mutate();
  };

  const signOutDeletingDrafts = () => {
    setWarning(null);
    // Suspend first: the editor would otherwise write its draft back as it closes.
    suspendDraftWrites();
    clearAllDrafts();
    signOut.mutate(undefined, { onError: resumeDraftWrites });
  };

  const requestSignOut = () => {
    if (signOut.isPending) return;
    const unsavedTitles = listUnsavedWork().map((work) => work.title);
    const storedDrafts = draftKeys().length;
    if (unsavedTitles.length === 0 && storedDrafts === 0) signOut.mutate();
    else setWarning({ unsavedTitles, storedDrafts });
  };

  return (
    <div className="header-session">
      <p className="header-user">
        <span className="header-name">{current.displayName}</span>
        <span className="header-site">
          {current.site} · {flavourLabel(current.flavour)}
        </span>
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={signOut.isPending}
        onClick={requestSignOut}
      >
        {signOut.isPending ? <Spinner /> : null}
        Sign out
      </button>
      {signOut.error ? <ErrorAlert error={signOut.error} /> : null}
      {warning && (
        <ModalDialog heading="Sign out?" closeLabel="Cancel" onClose={() => setWarning(null)}>
          <p>{warningText(warning)}</p>
          <p>On a shared computer, delete the local drafts so the next person cannot read them.</p>
          <div className={dialogStyles.dialogActions}>
            <button type="button" className="button" onClick={signOutKeepingDrafts}>
              Sign out
            </button>
            <button type="button" className="button" onClick={signOutDeletingDrafts}>
              Sign out and delete local drafts
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
