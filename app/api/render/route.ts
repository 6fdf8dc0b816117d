import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageIdSchema } from '@/lib/api/page-params';
import { refuseStorageBeyondLimits } from '@/lib/api/storage-limits';
import { rewriteViewResources } from '@/lib/confluence/view-resources';

const renderSchema = z.object({
  body: z.string().max(5 * 1024 * 1024, 'Confluence accepts at most 5 MB per page.'),
  /** The page the body belongs to: Confluence resolves its attachments in that page's context. */
  pageId: pageIdSchema.optional(),
});

// POST /api/render – Confluence's own rendering of an unsaved body (view HTML), every resource URL through our proxies
export const POST = handler(
  async ({ json, session, confluence }) => {
    const { body, pageId } = await json(renderSchema);
    refuseStorageBeyondLimits(body);
    const html = await confluence().renderView(body, pageId);
    return { html: rewriteViewResources(html, { siteBaseUrl: session.site?.baseUrl ?? '' }) };
  },
  { mutating: true, requireSession: true },
);
