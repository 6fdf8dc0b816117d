import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageIdSchema } from '@/lib/api/page-params';

import { imageResponse } from '../../../../image-response';

const paramsSchema = z.object({
  id: pageIdSchema,
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), 'Not a file name.'),
});

// GET /api/pages/[id]/attachments/[filename] – a page's file from the signed-in user's site (preview images)
export const GET = handler<{ id: string; filename: string }>(
  async ({ params, request, confluence }) => {
    const { id, filename } = paramsSchema.parse(params);
    const file = await confluence().downloadAttachment(id, filename);
    const type = file.contentType.split(';')[0]!.trim().toLowerCase();
    return imageResponse(request, file.bytes, type, filename);
  },
  { requireSession: true },
);
