import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageIdSchema } from '@/lib/api/page-params';

const paramsSchema = z.object({ id: pageIdSchema, version: z.coerce.number().int().positive() });

// GET /api/pages/[id]/versions/[version] – an old body (diffs, merge base)
export const GET = handler<{ id: string; version: string }>(
  async ({ params, confluence }) => {
    const { id, version } = paramsSchema.parse(params);
    return { version, body: await confluence().getVersionBody(id, version) };
  },
  { requireSession: true },
);
