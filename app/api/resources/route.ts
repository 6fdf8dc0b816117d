import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { RESOURCE_TYPES } from '@/lib/confluence/site-resources';
import { AppError } from '@/lib/errors';

import { imageResponse } from '../image-response';

const querySchema = z.object({
  path: z
    .string()
    .max(2048)
    .regex(/^\/[^/\\]/, 'A resource path starts with a single /.'),
});

// GET /api/resources?path=/wiki/images/… – an image of the signed-in site for the exact preview
export const GET = handler(
  async ({ request, confluence }) => {
    const { path } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await confluence().downloadResource(path);
    const type = file.contentType.split(';')[0]!.trim().toLowerCase();
    if (!RESOURCE_TYPES.test(type)) {
      throw new AppError('bad_request', 'Only images of the Confluence site are passed on.');
    }
    return imageResponse(request, file.bytes, type, path.split(/[?#]/)[0]!.split('/').pop() ?? '');
  },
  { requireSession: true },
);
