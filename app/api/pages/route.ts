import { handler } from '@/lib/api/handler';
import { createPageBodySchema } from '@/lib/api/navigation-params';
import { STARTER_BODY } from '@/lib/confluence/create-page';
import { AppError } from '@/lib/errors';

// POST /api/pages – a new page with a starter body, under a parent or at the top of a space
export const POST = handler(
  async ({ json, confluence, log }) => {
    const input = await json(createPageBodySchema);
    const client = confluence();
    // Titles are unique per space ignoring case: say which page has it before Confluence refuses.
    const wanted = input.title.toLowerCase();
    const clash = (await client.findPagesByTitle(input.spaceKey, input.title)).find(
      (use) => use.title.trim().toLowerCase() === wanted,
    );
    if (clash) {
      throw new AppError(
        'title_clash',
        `The page “${clash.title}” in space ${input.spaceKey} already has this title.`,
        {
          confluence: 'A page with this title already exists in this space.',
          clash: { id: clash.id, title: clash.title, status: clash.status },
        },
      );
    }
    const created = await client.createPage({ ...input, body: STARTER_BODY });
    log.info({ event: 'page_created', pageId: created.id }, 'created');
    return created;
  },
  { mutating: true, requireSession: true },
);
