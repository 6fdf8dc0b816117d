import { handler } from '@/lib/api/handler';
import { pageParamsSchema, savePageBodySchema } from '@/lib/api/page-params';
import { isConfluenceError } from '@/lib/confluence/errors';
import { freeTitleInSpace } from '@/lib/confluence/free-title';
import { verifySavedPage } from '@/lib/confluence/save-verification';
import { AppError } from '@/lib/errors';
import { diagnosticForConfluenceParseError } from '@/lib/error-translator';
import { parseStorage } from '@/lib/storage-format/parse';

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
    const client = confluence();
    let result;
    try {
      result = await client.savePage({ id, ...input });
    } catch (error) {
      if (isConfluenceError(error) && error.kind === 'invalid_storage') {
        // The engine passed it but Confluence did not: its words, at the engine's range if it can.
        const { line, column, endLine, endColumn, message, code } =
          diagnosticForConfluenceParseError(error.message, input.body);
        throw new AppError('invalid_storage', undefined, {
          diagnostics: [{ line, column, endLine, endColumn, message, code }],
        });
      }
      if (!isConfluenceError(error) || error.kind !== 'title_clash') throw error;
      // Offer a free title with the refusal, so a rename is one click.
      const page = await client.getPage(id).catch(() => null);
      const suggestedTitle = page
        ? await freeTitleInSpace(client, page.spaceKey, id, input.title)
        : null;
      throw new AppError('title_clash', undefined, { confluence: error.message, suggestedTitle });
    }
    // The save's own answer usually carries the stored page; it is read back only when it did not.
    const verification = await verifySavedPage(input, input.baseVersion, result.stored, () =>
      client.getPage(id),
    );
    if (!verification.ok && 'reason' in verification) {
      log.warn({ event: 'save_not_verified', pageId: id }, 'read-back failed');
    }
    log.info(
      {
        event: 'page_saved',
        pageId: id,
        version: result.version,
        recovered: result.recovered,
        verified: verification.ok,
      },
      'saved',
    );
    const { stored: _stored, ...answer } = result;
    return { ...answer, verification };
  },
  { mutating: true, requireSession: true },
);
