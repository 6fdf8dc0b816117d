import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/permissions – may the signed-in user edit this page? (asked on open)
export const GET = handler<{ id: string }>(
  async ({ params, confluence, session }) => {
    const { id } = pageParamsSchema.parse(params);
    const { accountId, username } = session.user ?? {};
    return await confluence().pagePermissions(id, { accountId, username });
  },
  { requireSession: true },
);
