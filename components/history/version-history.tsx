'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';

import { ErrorAlert } from '@/components/ui/error-alert';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { AppError, isAppError } from '@/lib/errors';
import {
  versionBodyQueryOptions,
  versionsQueryOptions,
  type VersionSummary,
} from '@/lib/queries/versions';

import styles from './version-history.module.css';

export interface LoadedVersion {
  number: number;
  body: string;
}

export interface VersionHistoryProps {
  pageId: string;
  /** The version the editor is based on: marked "current" and not offered for loading. */
  currentVersion: number;
  /** "Compare with current": the caller opens its diff view with this body on the left. */
  onCompare: (version: LoadedVersion) => void;
  /** "Load into editor": the caller replaces the editor text (saved later as a new version). */
  onLoad: (version: LoadedVersion) => void;
  onClose: () => void;
}

/**
 * The page's history as a modal dialog: who saved each version, when, with which comment, and
 * whether it was a minor edit. An old version is never written back directly — "Load into
 * editor" puts its text in the editor, and the normal save (with all its checks) makes it the
 * next version, so restoring is as safe and as visible as any other edit.
 */
export function VersionHistory({
  pageId,
  currentVersion,
  onCompare,
  onLoad,
  onClose,
}: VersionHistoryProps) {
  // Unmounted to show a comparison: the dialog closes without telling the owner.
  const { ref: dialogRef, close } = useModalDialog(onClose);
  const headingId = useId();
  const queryClient = useQueryClient();
  const versions = useQuery(versionsQueryOptions(pageId));
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const fetchBody = async (version: VersionSummary, then: (loaded: LoadedVersion) => void) => {
    setBusy(version.number);
    setError(null);
    try {
      const body = await queryClient.fetchQuery(versionBodyQueryOptions(pageId, version.number));
      then({ number: version.number, body });
    } catch (caught) {
      // Anything that is not the server's answer (a bug, a dropped connection) still gets a message.
      setError(isAppError(caught) ? caught : new AppError('internal'));
    } finally {
      setBusy(null);
    }
  };

  const confirmLoad = (version: VersionSummary) => {
    const ok = window.confirm(
      `Replace the text in the editor with version ${version.number}? Nothing is saved until you save, and Undo (Ctrl+Z) brings your current text back.`,
    );
    if (ok) void fetchBody(version, onLoad);
  };

  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={headingId} onClose={close}>
      <div className={styles.head}>
        <h2 id={headingId}>Page history</h2>
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      {versions.isPending && <p role="status">Loading versions…</p>}
      {versions.error && (
        <ErrorAlert
          error={isAppError(versions.error) ? versions.error : new AppError('internal')}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {versions.data && (
        <table className={styles.table}>
          <caption className={styles.caption}>
            {versions.data.length} {versions.data.length === 1 ? 'version' : 'versions'}, newest
            first
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Comment</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((version) => {
              const isCurrent = version.number === currentVersion;
              return (
                <tr key={version.number} aria-current={isCurrent ? 'true' : undefined}>
                  <th scope="row">
                    v{version.number}
                    {isCurrent && <span className={styles.tag}>current</span>}
                    {version.minorEdit && <span className={styles.tag}>minor</span>}
                  </th>
                  <td>{version.by}</td>
                  <td>
                    <time dateTime={version.when}>{formatDate(version.when)}</time>
                  </td>
                  <td className={styles.comment}>{version.message || '—'}</td>
                  <td className={styles.actions}>
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      aria-label={`Compare version ${version.number} with current`}
                      onClick={() => void fetchBody(version, onCompare)}
                    >
                      Compare with current
                    </button>
                    {!isCurrent && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy !== null}
                        aria-label={`Load version ${version.number} into editor`}
                        onClick={() => confirmLoad(version)}
                      >
                        Load into editor
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {busy !== null && <p role="status">Fetching version {busy}…</p>}
    </dialog>
  );
}

function formatDate(iso: string): string {
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    when,
  );
}
