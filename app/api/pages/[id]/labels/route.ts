import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

const addLabelSchema = z.object({
  name: z.string().trim().min(1, 'A label needs a name.').max(1000),
});
const removeLabelSchema = z.object({ name: z.string().min(1).max(1000) });

// GET /api/pages/[id]/labels – the page's global labels
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return { labels: await confluence().labels.list(id) };
  },
  { requireSession: true },
);

// POST /api/pages/[id]/labels { name } – adds one; Confluence's refusal comes back in its words
export const POST = handler<{ id: string }>(
  async ({ params, json, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const { name } = await json(addLabelSchema);
    return { labels: await confluence().labels.add(id, name) };
  },
  { requireSession: true, mutating: true },
);

// DELETE /api/pages/[id]/labels?name=… – removes one
export const DELETE = handler<{ id: string }>(
  async ({ params, request, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const { name } = removeLabelSchema.parse({
      name: new URL(request.url).searchParams.get('name') ?? '',
    });
    await confluence().labels.remove(id, name);
    return { labels: await confluence().labels.list(id) };
  },
  { requireSession: true, mutating: true },
);
