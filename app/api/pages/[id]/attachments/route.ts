import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';
import { maxUploadBytes, tooLargeError } from '@/lib/confluence/attachments-upload';
import { AppError } from '@/lib/errors';

const uploadSchema = z.object({
  filename: z.string().min(1, 'A file needs a name.').max(1000),
  contentType: z.string().max(200),
  declared: z
    .object({
      size: z.coerce.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/i),
    })
    .optional(),
});

// GET /api/pages/[id]/attachments – the page's files: name, size, version
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return { attachments: await confluence().attachments.list(id) };
  },
  { requireSession: true },
);

/**
 * POST /api/pages/[id]/attachments?filename=… – the body is the file, streamed on to the
 * signed-in site (never to another origin, never gathered whole); `x-content-sha256` with the
 * declared length lets an unchanged file be skipped.
 */
export const POST = handler<{ id: string }>(
  async ({ params, request, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const maxBytes = maxUploadBytes(process.env);
    const length = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > maxBytes) throw tooLargeError(maxBytes);
    if (!request.body) throw new AppError('bad_request', 'The upload has no file in it.');
    const sha256 = request.headers.get('x-content-sha256');
    const input = uploadSchema.parse({
      filename: new URL(request.url).searchParams.get('filename') ?? '',
      contentType: request.headers.get('content-type') ?? 'application/octet-stream',
      declared: sha256 && Number.isFinite(length) ? { size: length, sha256 } : undefined,
    });
    return confluence().attachments.upload({ pageId: id, body: request.body, maxBytes, ...input });
  },
  { requireSession: true, mutating: true, body: 'file' },
);
