import { handler } from '@/lib/api/handler';
import { parsePageReference } from '@/lib/confluence/page-reference';
import { AppError } from '@/lib/errors';

// GET /api/pages/resolve?url= – the page id behind a pasted id or Confluence URL
export const GET = handler(
  async ({ request, confluence }) => {
    const reference = parsePageReference(new URL(request.url).searchParams.get('url') ?? '');
    if (reference.kind === 'invalid') throw new AppError('bad_request', reference.reason);
    if (reference.kind === 'id') return { id: reference.id };
    const [match] = (
      await confluence().findPagesByTitle(reference.spaceKey, reference.title)
    ).filter((use) => use.status === 'current');
    if (!match)
      throw new AppError(
        'page_not_found',
        `No page "${reference.title}" in space ${reference.spaceKey}.`,
      );
    return { id: match.id };
  },
  { requireSession: true },
);
