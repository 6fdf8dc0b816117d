'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { attachmentNameProblem, attachmentTypeProblem } from '@/lib/attachments/names';
import { AppError, isAppError } from '@/lib/errors';
import {
  attachmentsQueryOptions,
  uploadAttachment,
  type UploadResult,
} from '@/lib/queries/attachments';

export interface UploadState {
  /** The file on its way and how much of it has left the browser (0…1). */
  current: { name: string; fraction: number } | null;
  error: AppError | null;
  /** What the last upload did, for a polite announcement. */
  notice: string | null;
}

export interface AttachmentUploads extends UploadState {
  upload(files: readonly File[]): Promise<void>;
}

function describe(result: UploadResult): string {
  const { title, version } = result.attachment;
  switch (result.outcome) {
    case 'created':
      return `Attached ${title}.`;
    case 'new-version':
      return `Uploaded ${title} as version ${version}.`;
    case 'unchanged':
      return `${title} is unchanged: not uploaded again.`;
  }
}

/**
 * Uploads files one after another (file input, drop, paste), refusing bad names before anything
 * is sent, and hands each stored file to `onUploaded` (which inserts its reference).
 */
export function useAttachmentUploads(
  pageId: string,
  onUploaded: (result: UploadResult, file: File) => void,
): AttachmentUploads {
  const client = useQueryClient();
  const [state, setState] = useState<UploadState>({ current: null, error: null, notice: null });
  const callback = useRef(onUploaded);
  useEffect(() => {
    callback.current = onUploaded;
  });

  const upload = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        const problem = attachmentNameProblem(file.name) ?? attachmentTypeProblem(file.name);
        if (problem) {
          setState({ current: null, error: new AppError('bad_request', problem), notice: null });
          return;
        }
        setState({ current: { name: file.name, fraction: 0 }, error: null, notice: null });
        try {
          const result = await uploadAttachment(pageId, file, (fraction) =>
            setState((previous) => ({ ...previous, current: { name: file.name, fraction } })),
          );
          setState({ current: null, error: null, notice: describe(result) });
          callback.current(result, file);
        } catch (error) {
          setState({
            current: null,
            error: isAppError(error) ? error : new AppError('internal'),
            notice: null,
          });
          return;
        } finally {
          void client.invalidateQueries({ queryKey: attachmentsQueryOptions(pageId).queryKey });
        }
      }
    },
    [client, pageId],
  );

  return { ...state, upload };
}
