import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageIdSchema } from '@/lib/api/page-params';

const renderSchema = z.object({
  body: z.string().max(5 * 1024 * 1024, 'Confluence accepts at most 5 MB per page.'),
  /** The page the body belongs to: its attachment images are proxied through us. */
  pageId: pageIdSchema.optional(),
});

// POST /api/render – Confluence's own rendering of an unsaved body (view HTML), images rewritten to our proxy
export const POST = handler(
  async ({ json, confluence }) => {
    const { body, pageId } = await json(renderSchema);
    const html = await confluence().renderView(body);
    return { html: pageId ? proxyAttachmentUrls(html, pageId) : html };
  },
  { mutating: true, requireSession: true },
);

/** `…/download/attachments/123/file.png?…` → `/api/pages/123/attachments/file.png` (same origin, signed-in). */
function proxyAttachmentUrls(html: string, pageId: string): string {
  return html.replace(
    /(src|href)="[^"]*?\/download\/attachments\/(\d+)\/([^"?]+)(\?[^"]*)?"/g,
    (_match, attribute: string, owner: string, file: string) =>
      `${attribute}="/api/pages/${owner || pageId}/attachments/${file}"`,
  );
}
