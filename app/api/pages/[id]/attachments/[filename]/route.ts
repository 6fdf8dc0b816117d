import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { PROXIED_CONTENT_POLICY } from '@/lib/api/security-headers';
import { pageIdSchema } from '@/lib/api/page-params';

const paramsSchema = z.object({
  id: pageIdSchema,
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), 'Not a file name.'),
});

/** Types a browser may show inline; anything else is offered as a download. */
const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp|avif|bmp)|application\/pdf|text\/plain)$/;

// GET /api/pages/[id]/attachments/[filename] – a page's file from the signed-in user's site (preview images)
export const GET = handler<{ id: string; filename: string }>(
  async ({ params, confluence }) => {
    const { id, filename } = paramsSchema.parse(params);
    const file = await confluence().downloadAttachment(id, filename);
    const type = file.contentType.split(';')[0]!.trim().toLowerCase();
    const inline = INLINE_TYPES.test(type);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        // SVG and HTML could run script on our origin: never served as themselves.
        'content-type': inline ? type : 'application/octet-stream',
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': PROXIED_CONTENT_POLICY,
        'cache-control': 'private, max-age=300',
      },
    });
  },
  { requireSession: true },
);
