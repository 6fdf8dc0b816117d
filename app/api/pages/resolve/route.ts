import { handler } from '@/lib/api/handler';
import { parsePageReference } from '@/lib/confluence/page-reference';
import { siteConfigFromEnv } from '@/lib/confluence/site-config';
import { foreignSiteRefusal } from '@/lib/confluence/site-match';
import { AppError } from '@/lib/errors';

// GET /api/pages/resolve?url= – the page id behind a pasted id or Confluence URL
export const GET = handler(
  async ({ request, session, confluence }) => {
    const reference = parsePageReference(new URL(request.url).searchParams.get('url') ?? '');
    if (reference.kind === 'invalid') throw new AppError('bad_request', reference.reason);
    const refusal = foreignSiteRefusal(
      reference.origin,
      session.site?.baseUrl ?? '',
      siteConfigFromEnv().policy,
    );
    if (refusal)
      throw new AppError('bad_request', refusal.message, { signInSite: refusal.signInSite });
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
