import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';

const querySchema = z.object({
  title: z.string().trim().min(1, 'A page needs a title.').max(255),
  spaceKey: z.string().regex(/^[A-Za-z0-9~_-]{1,255}$/, 'Not a space key.'),
});

// GET /api/pages/[id]/title-check?title=&spaceKey= – is this title free in the page's space?
export const GET = handler<{ id: string }>(
  async ({ params, request, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const url = new URL(request.url);
    const { title, spaceKey } = querySchema.parse(Object.fromEntries(url.searchParams));
    const uses = await confluence().findPagesByTitle(spaceKey, title);
    // Titles are unique per space ignoring case: "roadmap" is taken by "Roadmap".
    const clash = uses.find(
      (use) => use.id !== id && use.title.trim().toLowerCase() === title.toLowerCase(),
    );
    return {
      free: clash === undefined,
      isThisPage: uses.some((use) => use.id === id),
      clash: clash ? { id: clash.id, title: clash.title, status: clash.status } : null,
    };
  },
  { requireSession: true },
);
