import { AppError } from '@/lib/errors';

import { saveThroughV1 } from './datacenter-adapter';
import { isConfluenceError } from './errors';
import type { SavePageInput, SavePageResult } from './model';
import type { ConfluenceTransport } from './transport';

export const MINOR_EDIT_GONE_MESSAGE =
  'Your Confluence site no longer accepts minor edits through its older API (it answered 410 Gone), and its current API cannot mark a save as minor. Nothing was saved. You can save as a normal edit instead.';

/**
 * A minor edit on Cloud: v2's page update has no `minorEdit` (docs/confluence-api.md §11), so the
 * save goes through v1 `PUT /wiki/rest/api/content/{id}` with `version.minorEdit`. The same
 * guarantees as every save: exactly base + 1, the parent sent again, one request whose answer
 * carries the stored page for the read-after-write check. A 410 (v1 removed on this site) becomes
 * a `page_gone` error flagged `minorEditUnavailable`, so the editor can offer a normal save.
 */
export async function saveMinorEditThroughV1(
  http: ConfluenceTransport,
  input: SavePageInput,
): Promise<SavePageResult> {
  try {
    return await saveThroughV1(http, 'wiki/rest/api/content', input, true);
  } catch (error) {
    if (isConfluenceError(error) && error.kind === 'gone') {
      throw new AppError('page_gone', MINOR_EDIT_GONE_MESSAGE, { minorEditUnavailable: true });
    }
    throw error;
  }
}
