import { handler } from '@/lib/api/handler';
import { pageParamsSchema, savePageBodySchema } from '@/lib/api/page-params';
import { saveAndVerifyPage } from '@/lib/confluence/save-page';

// GET /api/pages/[id] – page, version, space, parent and storage body
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return { page: await confluence().getPage(id) };
  },
  { requireSession: true },
);

// PUT /api/pages/[id] – save as exactly baseVersion + 1, parent kept, then read back and verified
// (one upstream call on the happy path: the PUT answer carries the stored page)
export const PUT = handler<{ id: string }>(
  async ({ params, json, confluence, log }) => {
    const { id } = pageParamsSchema.parse(params);
    const input = await json(savePageBodySchema);
    const saved = await saveAndVerifyPage(confluence(), { id, ...input });
    const { verification } = saved;
    if (!verification.ok && 'reason' in verification) {
      log.warn({ event: 'save_not_verified', pageId: id }, 'read-back failed');
    }
    log.info(
      {
        event: 'page_saved',
        pageId: id,
        version: saved.version,
        recovered: saved.recovered,
        verified: verification.ok,
      },
      'saved',
    );
    return saved;
  },
  { mutating: true, requireSession: true },
);
