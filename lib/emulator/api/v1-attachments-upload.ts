import { V1_ROOT, type RequestContext } from '../http/context';
import { notFoundMessage, sendV1Error } from '../http/errors';
import { multipartBoundary, parseMultipart, type FormPart } from '../http/multipart';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { attachmentJson, pagedJson } from '../render/v1-content';
import type { AttachmentRecord, PageRecord } from '../store/types';

/** Confluence's default maximum attachment size (100 MiB, an admin setting on real sites). */
export const MAX_ATTACHMENT_BYTES = 104_857_600;

/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Upload paths read bodies up to the attachment limit instead of the 5 MiB JSON limit. */
export function requestLimitFor(path: string, jsonLimit: number): number {
  return /\/content\/[^/]+\/child\/attachment(\/[^/]+\/data)?\/?$/.test(path)
    ? MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD
    : jsonLimit;
}

export const ATTACHMENT_TOO_LARGE = `The attachment is larger than the maximum allowed size of ${MAX_ATTACHMENT_BYTES} bytes`;

/** Uploads need `X-Atlassian-Token: no-check` (docs/confluence-api.md, XSRF). */
function xsrfPassed(ctx: RequestContext): boolean {
  const token = String(ctx.req.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token === 'no-check' || token === 'nocheck') return true;
  sendV1Error(ctx, 403, 'XSRF check failed');
  return false;
}

function editablePage(ctx: RequestContext, id: string): PageRecord | undefined {
  const page = ctx.store.visiblePage(id, ctx.user);
  if (!page) {
    sendV1Error(ctx, 404, notFoundMessage(id));
    return undefined;
  }
  if (!ctx.store.canEdit(page, ctx.user)) {
    sendV1Error(ctx, 403, `User not permitted to create attachments for content: ${id}`);
    return undefined;
  }
  return page;
}

interface Upload {
  files: Array<Required<Pick<FormPart, 'filename' | 'data'>> & { contentType: string }>;
  comment: string;
}

function readUpload(ctx: RequestContext): Upload | undefined {
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  const parts = boundary ? parseMultipart(ctx.rawBody, boundary) : null;
  if (!parts) {
    sendV1Error(ctx, 415, 'Attachments must be sent as multipart/form-data');
    return undefined;
  }
  const files = parts
    .filter((part) => part.name === 'file' && part.filename !== undefined)
    .map((part) => ({
      filename: part.filename!,
      data: part.data,
      contentType: part.contentType ?? 'application/octet-stream',
    }));
  if (files.length === 0) {
    sendV1Error(ctx, 400, 'At least one attachment file must be included.');
    return undefined;
  }
  for (const file of files) {
    if (file.filename.trim() === '' || /[/\\\u0000-\u001f\u007f]/.test(file.filename)) {
      sendV1Error(ctx, 400, `Attachment file name is invalid: ${JSON.stringify(file.filename)}`);
      return undefined;
    }
    if (file.data.length > MAX_ATTACHMENT_BYTES) {
      sendV1Error(ctx, 413, ATTACHMENT_TOO_LARGE);
      return undefined;
    }
  }
  const comment = parts.find((part) => part.name === 'comment')?.data.toString('utf8') ?? '';
  return { files, comment };
}

function record(
  ctx: RequestContext,
  file: Upload['files'][number],
  comment: string,
  existing?: AttachmentRecord,
): AttachmentRecord {
  return {
    id: existing?.id ?? `att${ctx.store.takeNextId()}`,
    title: existing?.title ?? file.filename,
    mediaType: file.contentType.split(';')[0]!.trim() || 'application/octet-stream',
    data: file.data.toString('base64'),
    fileSize: file.data.length,
    version: (existing?.version ?? 0) + 1,
    created: new Date().toISOString(),
    authorKey: ctx.user!.key,
    comment,
  };
}

function store(page: PageRecord, attachment: AttachmentRecord): void {
  const index = page.attachments.findIndex((candidate) => candidate.id === attachment.id);
  if (index >= 0) page.attachments[index] = attachment;
  else page.attachments.push(attachment);
}

/**
 * POST creates only (a name in use is refused); PUT creates or adds a version to the attachment
 * of the same name.
 */
function upload(ctx: RequestContext, id: string, mode: 'create' | 'create-or-update'): void {
  if (!xsrfPassed(ctx)) return;
  const page = editablePage(ctx, id);
  if (!page) return;
  const request = readUpload(ctx);
  if (!request) return;
  const byName = (name: string) => page.attachments.find((candidate) => candidate.title === name);
  if (mode === 'create') {
    const clash = request.files.find((file) => byName(file.filename));
    if (clash)
      return sendV1Error(
        ctx,
        400,
        `Cannot add a new attachment with same file name as an existing attachment: ${clash.filename}`,
      );
  }
  const saved = request.files.map((file) => {
    const attachment = record(ctx, file, request.comment, byName(file.filename));
    store(page, attachment);
    return attachment;
  });
  ctx.store.markChanged();
  sendJson(
    ctx.res,
    200,
    pagedJson(
      ctx,
      saved.map((attachment) => attachmentJson(ctx, page, attachment)),
      `${V1_ROOT}/content/${page.id}/child/attachment`,
    ),
  );
}

/** POST …/child/attachment/{attachmentId}/data: a new version of one attachment. */
function updateData(ctx: RequestContext, id: string, attachmentId: string): void {
  if (!xsrfPassed(ctx)) return;
  const page = editablePage(ctx, id);
  if (!page) return;
  const existing = page.attachments.find((candidate) => candidate.id === attachmentId);
  if (!existing) return sendV1Error(ctx, 404, notFoundMessage(attachmentId));
  const request = readUpload(ctx);
  if (!request) return;
  const attachment = record(ctx, request.files[0]!, request.comment, existing);
  store(page, attachment);
  ctx.store.markChanged();
  sendJson(ctx.res, 200, attachmentJson(ctx, page, attachment));
}

export function registerV1AttachmentUploads(router: Router): void {
  router
    .add('POST', '/content/:id/child/attachment', (ctx, { id }) => upload(ctx, id!, 'create'))
    .add('PUT', '/content/:id/child/attachment', (ctx, { id }) =>
      upload(ctx, id!, 'create-or-update'),
    )
    .add('POST', '/content/:id/child/attachment/:attachmentId/data', (ctx, p) =>
      updateData(ctx, p.id!, p.attachmentId!),
    );
}
