import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import { pageParamsSchema } from '@/lib/api/page-params';
import { refuseStorageBeyondLimits } from '@/lib/api/storage-limits';
import { checkWithConfluence } from '@/lib/confluence/check-with-confluence';

const checkSchema = z.object({
  body: z.string().max(5 * 1024 * 1024, 'Confluence accepts at most 5 MB per page.'),
  /** The page's space, when the editor has it: saves one read of the page. */
  spaceKey: z
    .string()
    .regex(/^[A-Za-z0-9~_-]{1,255}$/, 'Not a space key.')
    .optional(),
});

// POST /api/pages/[id]/check – "Check with Confluence": its parser's verdict on an unsaved body,
// unknown macros, and page/attachment references that would not resolve (nothing is saved)
export const POST = handler<{ id: string }>(
  async ({ params, json, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    const { body, spaceKey } = await json(checkSchema);
    refuseStorageBeyondLimits(body);
    const client = confluence();
    const space = spaceKey ?? (await client.getPage(id)).spaceKey;
    return checkWithConfluence(body, client, { pageId: id, spaceKey: space });
  },
  { mutating: true, requireSession: true },
);
