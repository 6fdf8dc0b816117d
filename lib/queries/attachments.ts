import { queryOptions } from '@tanstack/react-query';

import type { PageAttachment, UploadResult } from '@/lib/confluence/attachments-upload';
import { AppError } from '@/lib/errors';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@/lib/http/csrf-header';
import { appErrorFromBody, fetchJson } from '@/lib/http/fetch-json';

export type { PageAttachment, UploadResult };

const path = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}/attachments`;

/** A page's attachments (GET /api/pages/{id}/attachments). */
export function attachmentsQueryOptions(pageId: string) {
  return queryOptions({
    queryKey: ['attachments', pageId] as const,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ attachments: PageAttachment[] }>(path(pageId), { signal })).attachments,
  });
}

/** Hashing reads the file into memory here: big files are simply sent again. */
const CHECKSUM_LIMIT_BYTES = 50 * 1024 * 1024;

async function sha256Hex(file: Blob): Promise<string | null> {
  if (file.size > CHECKSUM_LIMIT_BYTES || !globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Uploads one file to the page through Pagewright's server (XMLHttpRequest: fetch cannot report
 * upload progress). Same-origin only, with the CSRF header; the file is the body.
 */
export async function uploadAttachment(
  pageId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const checksum = await sha256Hex(file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${path(pageId)}?filename=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    request.setRequestHeader('x-pagewright-upload', '1');
    if (checksum) request.setRequestHeader('x-content-sha256', checksum);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300 && body) resolve(body as UploadResult);
      else reject(appErrorFromBody(body));
    };
    request.onerror = () =>
      reject(new AppError(navigator.onLine === false ? 'offline' : 'confluence_unavailable'));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
