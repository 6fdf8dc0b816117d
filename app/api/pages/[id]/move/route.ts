import { handler } from '@/lib/api/handler';
import { movePageBodySchema } from '@/lib/api/navigation-params';
import { pageParamsSchema } from '@/lib/api/page-params';

// POST /api/pages/[id]/move – new parent by a version-checked update (base + 1, body kept)
export const POST = handler<{ id: string }>(
  async ({ params, json, confluence, log }) => {
    const { id } = pageParamsSchema.parse(params);
    const input = await json(movePageBodySchema);
    const moved = await confluence().movePage({ id, ...input });
    log.info({ event: 'page_moved', pageId: id, version: moved.version }, 'moved');
    return moved;
  },
  { mutating: true, requireSession: true },
);
