import { handler } from '@/lib/api/handler';
import { titleSearchQuerySchema } from '@/lib/api/navigation-params';

// GET /api/pages/search?q=&spaceKey=&folders=1 – pages (and Cloud folders) by title, with space
export const GET = handler(
  async ({ request, confluence }) => {
    const url = new URL(request.url);
    const { q, spaceKey, folders } = titleSearchQuerySchema.parse(
      Object.fromEntries(url.searchParams),
    );
    const results = await confluence().searchByTitle(q, {
      spaceKey,
      includeFolders: folders === '1',
      limit: 10,
    });
    return { results };
  },
  { requireSession: true },
);
