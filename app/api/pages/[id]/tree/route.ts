import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/tree – ancestors, siblings and children of a page (one level each)
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return await confluence().pageNeighbourhood(id);
  },
  { requireSession: true },
);
