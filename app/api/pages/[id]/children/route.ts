import { handler } from '@/lib/api/handler';
import { nodeKindSchema } from '@/lib/api/navigation-params';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/children?kind=folder – the direct children of a page or Cloud folder
export const GET = handler<{ id: string }>(
  async ({ params, request, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const kind = nodeKindSchema.parse(new URL(request.url).searchParams.get('kind') ?? 'page');
    return { children: await confluence().childrenOf(id, kind) };
  },
  { requireSession: true },
);
