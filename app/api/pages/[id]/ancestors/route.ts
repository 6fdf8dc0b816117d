import { handler } from '@/lib/api/handler';
import { nodeKindSchema } from '@/lib/api/navigation-params';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/ancestors?kind=folder – the breadcrumb of a page or Cloud folder, root first
export const GET = handler<{ id: string }>(
  async ({ params, request, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const kind = nodeKindSchema.parse(new URL(request.url).searchParams.get('kind') ?? 'page');
    const client = confluence();
    return {
      ancestors:
        kind === 'page' ? await client.getAncestors(id) : await client.treeAncestors(id, kind),
    };
  },
  { requireSession: true },
);
