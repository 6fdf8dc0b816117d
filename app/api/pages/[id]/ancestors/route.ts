import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/ancestors – the breadcrumb, root first
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return { ancestors: await confluence().getAncestors(id) };
  },
  { requireSession: true },
);
