import { AppError } from '@/lib/errors';
import { freeTitleInSpace } from '@/lib/pages/free-title';
import { type SaveVerification, verifySavedPage } from '@/lib/pages/save-verification';
import { parseStorage } from '@/lib/storage-format/parse';

import { isConfluenceError } from './errors';
import type { ConfluenceAdapter, SavePageInput, SavePageResult } from './model';
import { diagnosticForRefusedBody } from './refused-body';

/**
 * A save as the editor asks for it: base version + 1, refusals it can act on, and the stored page
 * verified against what was sent.
 */

/** The client calls a save needs (ConfluenceClient has them all). */
export type SaveDependencies = Pick<ConfluenceAdapter, 'savePage' | 'getPage' | 'findPagesByTitle'>;

export interface VerifiedSave extends Omit<SavePageResult, 'stored'> {
  verification: SaveVerification;
}

/**
 * Saves `input` and verifies the result. A body Confluence's parser would refuse is refused here
 * first, at the engine's positions, without a round trip. The save's own answer usually carries
 * the stored page; it is read back only when it did not, and a failed read-back only means "not
 * verified": the save stands.
 */
export async function saveAndVerifyPage(
  client: SaveDependencies,
  input: SavePageInput,
): Promise<VerifiedSave> {
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
  const { stored, ...result } = await saveExplainingRefusals(client, input);
  const verification = await verifySavedPage(input, input.baseVersion, stored, () =>
    client.getPage(input.id),
  );
  return { ...result, verification };
}

/**
 * Saves `input`, turning the refusals the user can act on into answers that say how: a body
 * Confluence's parser refused (though the engine passed it) becomes a diagnostic in its words at
 * the engine's range when the engine can place it, and a title clash comes with a free title to
 * rename to, so that is one click. Every other failure is passed on as it is.
 */
export function saveExplainingRefusals(
  client: SaveDependencies,
  input: SavePageInput,
): Promise<SavePageResult> {
  return client.savePage(input).catch(async (error: unknown) => {
    throw await explained(error, client, input);
  });
}

async function explained(
  error: unknown,
  client: SaveDependencies,
  input: SavePageInput,
): Promise<unknown> {
  if (!isConfluenceError(error)) return error;
  if (error.kind === 'invalid_storage') {
    const { line, column, endLine, endColumn, message, code } = diagnosticForRefusedBody(
      error,
      input.body,
    );
    return new AppError('invalid_storage', undefined, {
      diagnostics: [{ line, column, endLine, endColumn, message, code }],
    });
  }
  if (error.kind !== 'title_clash') return error;
  const page = await client.getPage(input.id).catch(() => null);
  const suggestedTitle = page
    ? await freeTitleInSpace(client, page.spaceKey, input.id, input.title)
    : null;
  return new AppError('title_clash', undefined, { confluence: error.message, suggestedTitle });
}
