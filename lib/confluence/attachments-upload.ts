import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { AppError } from '@/lib/errors';

import {
  attachmentNameProblem,
  attachmentTypeProblem,
  formDataFilename,
} from '@/lib/attachments/names';
import { ConfluenceError } from './errors';
import type { ConfluenceFlavour } from './model';
import type { ConfluenceTransport } from './transport';

export interface PageAttachment {
  id: string;
  title: string;
  fileSize: number;
  version: number;
  mediaType: string;
}

export interface UploadInput {
  pageId: string;
  filename: string;
  contentType: string;
  /** The file's bytes as they arrive from the browser: read once, never gathered whole. */
  body: ReadableStream<Uint8Array>;
  /** The largest file accepted (PAGEWRIGHT_MAX_UPLOAD_MB); more bytes end the upload with 413. */
  maxBytes: number;
  /** Size and SHA-256 the browser computed: an identical file of the same name is not sent again. */
  declared?: { size: number; sha256: string };
}

export interface UploadResult {
  outcome: 'created' | 'new-version' | 'unchanged';
  attachment: PageAttachment;
}

export interface AttachmentsApi {
  list(pageId: string): Promise<PageAttachment[]>;
  upload(input: UploadInput): Promise<UploadResult>;
}

/** A big file over a slow line takes longer than a JSON call's 30 s. */
const UPLOAD_DEADLINE_MS = 10 * 60 * 1000;

const DEFAULT_MAX_UPLOAD_MB = 100;

/** PAGEWRIGHT_MAX_UPLOAD_MB in bytes (default 100 MB; a value that is not a positive number is ignored). */
export function maxUploadBytes(env: Readonly<Record<string, string | undefined>>): number {
  const megabytes = Number(env.PAGEWRIGHT_MAX_UPLOAD_MB);
  return (
    (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024
  );
}

export function tooLargeError(maxBytes: number): AppError {
  return new AppError(
    'too_large',
    `The file is larger than the ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB this server accepts.`,
    { maxBytes },
  );
}

const v1AttachmentSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  extensions: z.looseObject({ fileSize: z.number(), mediaType: z.string().optional() }).optional(),
  metadata: z.looseObject({ mediaType: z.string().optional() }).optional(),
  version: z.looseObject({ number: z.number() }).optional(),
  _links: z.looseObject({ download: z.string().optional() }).optional(),
});
const v1AttachmentListSchema = z.looseObject({ results: z.array(v1AttachmentSchema) });
const v2AttachmentListSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      fileSize: z.number().optional(),
      mediaType: z.string().optional(),
      version: z.looseObject({ number: z.number() }).optional(),
      downloadLink: z.string().optional(),
    }),
  ),
});

/** An attachment and where its bytes are, relative to the transport's base. */
interface Listed {
  attachment: PageAttachment;
  downloadPath?: string;
}

function fromV1(item: z.infer<typeof v1AttachmentSchema>): PageAttachment {
  return {
    id: item.id,
    title: item.title,
    fileSize: item.extensions?.fileSize ?? 0,
    version: item.version?.number ?? 1,
    mediaType: item.extensions?.mediaType ?? item.metadata?.mediaType ?? 'application/octet-stream',
  };
}

/**
 * A page's attachments on both flavours and uploads through v1 (the only API that takes them,
 * docs/confluence-api.md): multipart with `X-Atlassian-Token: no-check`, streamed from the
 * browser's request to Confluence without holding the file (docs/security.md, uploads).
 */
export function createAttachmentsApi(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
): AttachmentsApi {
  const v1 = flavour === 'cloud' ? 'wiki/rest/api' : 'rest/api';

  async function listed(pageId: string): Promise<Listed[]> {
    if (flavour === 'cloud') {
      const answer = await http.request('GET', `wiki/api/v2/pages/${pageId}/attachments`, {
        query: { limit: 250 },
        schema: v2AttachmentListSchema,
      });
      return answer.results.map((item) => ({
        attachment: {
          id: item.id,
          title: item.title,
          fileSize: item.fileSize ?? 0,
          version: item.version?.number ?? 1,
          mediaType: item.mediaType ?? 'application/octet-stream',
        },
        // v2 download links are relative to the site's /wiki.
        downloadPath: item.downloadLink && `wiki/${item.downloadLink.replace(/^\/(wiki\/)?/, '')}`,
      }));
    }
    const answer = await http.request('GET', `${v1}/content/${pageId}/child/attachment`, {
      query: { limit: 200, expand: 'version' },
      schema: v1AttachmentListSchema,
    });
    return answer.results.map((item) => ({
      attachment: fromV1(item),
      downloadPath: item._links?.download?.replace(/^\//, ''),
    }));
  }

  const list = async (pageId: string) => (await listed(pageId)).map((item) => item.attachment);

  /**
   * True when the stored file has the declared size and SHA-256 (Confluence publishes no
   * checksum): the stored bytes are hashed as they stream, never held.
   */
  async function sameAsStored(input: UploadInput, existing: Listed): Promise<boolean> {
    const { declared } = input;
    if (!declared || !existing.downloadPath || existing.attachment.fileSize !== declared.size)
      return false;
    try {
      const stored = await http.digest(existing.downloadPath, declared.size);
      return stored.size === declared.size && stored.sha256 === declared.sha256.toLowerCase();
    } catch (error) {
      // Longer than declared: not the same file.
      if (error instanceof ConfluenceError && error.kind === 'response_too_large') return false;
      throw error;
    }
  }

  async function upload(input: UploadInput): Promise<UploadResult> {
    const problem = attachmentNameProblem(input.filename) ?? attachmentTypeProblem(input.filename);
    if (problem) throw new AppError('bad_request', problem);
    const found = (await listed(input.pageId)).find(
      (item) => item.attachment.title === input.filename,
    );
    if (found && (await sameAsStored(input, found))) {
      await input.body.cancel().catch(() => undefined);
      return { outcome: 'unchanged', attachment: found.attachment };
    }
    const existing = found?.attachment;
    const multipart = multipartStream(input);
    const headers = {
      'content-type': `multipart/form-data; boundary=${multipart.boundary}`,
      'x-atlassian-token': 'no-check',
    };
    try {
      if (existing) {
        const stored = await http.send(
          'POST',
          `${v1}/content/${input.pageId}/child/attachment/${existing.id}/data`,
          {
            body: multipart.stream,
            headers,
            schema: v1AttachmentSchema,
            deadlineMs: UPLOAD_DEADLINE_MS,
          },
        );
        return { outcome: 'new-version', attachment: fromV1(stored) };
      }
      const created = await http.send('POST', `${v1}/content/${input.pageId}/child/attachment`, {
        body: multipart.stream,
        headers,
        schema: v1AttachmentListSchema,
        deadlineMs: UPLOAD_DEADLINE_MS,
      });
      const first = created.results[0];
      if (!first) throw new ConfluenceError('unexpected_response', 'Confluence stored no file.');
      return { outcome: 'created', attachment: fromV1(first) };
    } catch (error) {
      if (multipart.overLimit()) throw tooLargeError(input.maxBytes);
      throw refusal(error, input.filename);
    }
  }

  return { list, upload };
}

/** Confluence's refusals worded for the person uploading. */
function refusal(error: unknown, filename: string): unknown {
  if (!(error instanceof ConfluenceError)) return error;
  if (error.kind === 'too_large')
    return new AppError('too_large', `Confluence refused the file as too large: ${error.message}`, {
      confluence: error.message,
    });
  if (error.kind === 'bad_request' && /same file name/i.test(error.message))
    return new AppError(
      'bad_request',
      `An attachment named "${filename}" already exists on this page and Confluence would not replace it. Rename the file or try again.`,
      { confluence: error.message },
    );
  if (error.kind === 'bad_request')
    return new AppError('bad_request', `Confluence refused the file: ${error.message}`, {
      confluence: error.message,
    });
  return error;
}

/**
 * The multipart body around the browser's bytes, produced as Confluence reads it (pull-based,
 * so a slow Confluence slows the browser down instead of filling memory). Past `maxBytes` the
 * stream fails and `overLimit()` says why.
 */
export function multipartStream(
  input: Pick<UploadInput, 'filename' | 'contentType' | 'body' | 'maxBytes'>,
): {
  boundary: string;
  stream: ReadableStream<Uint8Array>;
  overLimit: () => boolean;
} {
  const boundary = `----pagewright-${randomBytes(16).toString('hex')}`;
  const encoder = new TextEncoder();
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(input.contentType)
    ? input.contentType
    : 'application/octet-stream';
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${formDataFilename(input.filename)}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = encoder.encode(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="minorEdit"\r\n\r\ntrue\r\n--${boundary}--\r\n`,
  );
  const reader = input.body.getReader();
  let sent = 0;
  let exceeded = false;
  let stage: 'head' | 'file' | 'done' = 'head';
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        stage = 'file';
        controller.enqueue(head);
        return;
      }
      if (stage === 'done') return;
      const { done, value } = await reader.read();
      if (done) {
        stage = 'done';
        controller.enqueue(tail);
        controller.close();
        return;
      }
      sent += value.byteLength;
      if (sent > input.maxBytes) {
        exceeded = true;
        await reader.cancel().catch(() => undefined);
        controller.error(tooLargeError(input.maxBytes));
        return;
      }
      controller.enqueue(value);
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  return { boundary, stream, overLimit: () => exceeded };
}
