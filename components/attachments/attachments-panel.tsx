'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';

import { ErrorAlert } from '@/components/ui/error-alert';
import { isAppError } from '@/lib/errors';
import { attachmentsQueryOptions } from '@/lib/queries/attachments';

import styles from './around-page.module.css';
import type { AttachmentUploads } from './use-attachment-uploads';
import { useSession } from '@/lib/queries/session';

/** A file size for people: bytes, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * The page's attachments (name, size, version) and an "Attach file" input. Uploads in progress
 * show a progressbar; the editor's drop and paste go through the same `uploads`.
 */
export function AttachmentsPanel({
  pageId,
  uploads,
}: {
  pageId: string;
  uploads: AttachmentUploads;
}) {
  const headingId = useId();
  const inputId = useId();
  // Not while signed out (or signing out): the page stays on screen, the session does not.
  const signedIn = Boolean(useSession().data?.session);
  const list = useQuery({ ...attachmentsQueryOptions(pageId), enabled: signedIn });
  const attachments = list.data ?? [];
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Attachments
      </h2>
      {list.isPending ? (
        <p className={styles.muted}>Loading attachments…</p>
      ) : attachments.length === 0 ? (
        <p className={styles.muted}>No attachments yet.</p>
      ) : (
        <table className={styles.table} aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((attachment) => (
              <tr key={attachment.id}>
                <td>{attachment.title}</td>
                <td className={styles.number}>{formatSize(attachment.fileSize)}</td>
                <td className={styles.number}>{attachment.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={styles.row}>
        <label htmlFor={inputId}>Attach file</label>
        <input
          id={inputId}
          type="file"
          multiple
          disabled={uploads.current !== null}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void uploads.upload(files);
          }}
        />
      </div>
      {uploads.current && (
        <div className={styles.row}>
          <progress
            className={styles.progress}
            aria-label={`Uploading ${uploads.current.name}`}
            max={100}
            value={Math.round(uploads.current.fraction * 100)}
          />
          <span>{Math.round(uploads.current.fraction * 100)} %</span>
        </div>
      )}
      <p role="status" className={styles.muted}>
        {uploads.notice}
      </p>
      {uploads.error && <ErrorAlert error={uploads.error} />}
      {isAppError(list.error) && <ErrorAlert error={list.error} />}
    </section>
  );
}
