import { handler } from '@/lib/api/handler';
import { pageParamsSchema, savePageBodySchema } from '@/lib/api/page-params';
import { AppError } from '@/lib/errors';
import { parseStorage } from '@/lib/storage-format/parse';

// GET /api/pages/[id] – page, version, space, parent and storage body
export const GET = handler<{ id: string }>(
  async ({ params, confluence }) => {
    const { id } = pageParamsSchema.parse(params);
    return { page: await confluence().getPage(id) };
  },
  { requireSession: true },
);

// PUT /api/pages/[id] – save as exactly baseVersion + 1, parent kept; one upstream call on the happy path
export const PUT = handler<{ id: string }>(
  async ({ params, request, confluence, log }) => {
    const { id } = pageParamsSchema.parse(params);
    const input = savePageBodySchema.parse(await request.json());
    // Confluence would refuse it anyway: say where, in the user's own coordinates, without a round trip.
    const errors = parseStorage(input.body).diagnostics;
    if (errors.length > 0) {
      throw new AppError('invalid_storage', undefined, {
        diagnostics: errors.map(({ line, column, message, code }) => ({
          line,
          column,
          message,
          code,
        })),
      });
    }
    const result = await confluence().savePage({ id, ...input });
    log.info(
      { event: 'page_saved', pageId: id, version: result.version, recovered: result.recovered },
      'saved',
    );
    return result;
  },
  { mutating: true, requireSession: true },
);
