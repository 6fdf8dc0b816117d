import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

// GET /api/pages/[id]/versions – history, newest first
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const versions = await confluence().listVersions(id);
    return { versions: [...versions].sort((a, b) => b.number - a.number) };
  },
  { requireSession: true },
);
