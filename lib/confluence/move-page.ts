import { AppError } from '@/lib/errors';

import { ConfluenceError } from './errors';
import type { ConfluenceFlavour, ConfluencePage, SavePageInput, SavePageResult } from './model';
import { moveRefusal } from '@/lib/pages/move-rules';
import { treeAncestors, type TreeNode } from './page-tree';
import type { ConfluenceTransport } from './transport';

export interface MovePageInput {
  id: string;
  newParentId: string;
  /** Cloud folders may be parents too. */
  newParentKind: TreeNode['kind'];
  /** The version the user is looking at: the move is refused if the page changed since. */
  baseVersion: number;
}

export interface MovePageResult {
  version: number;
  ancestors: TreeNode[];
}

/**
 * Moves a page by a version-checked update (base + 1, with the page's current title and body),
 * never by an unchecked move call: a colleague's newer save is a 409, not silently kept or lost.
 * The rules are checked here against the new parent's ancestors before anything is written.
 */
export async function movePage(
  pages: {
    getPage(id: string): Promise<ConfluencePage>;
    /** The client's safe save (a lost answer is checked, never blindly retried). */
    savePage(input: SavePageInput): Promise<SavePageResult>;
  },
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  input: MovePageInput,
): Promise<MovePageResult> {
  const [page, parentAncestors] = await Promise.all([
    pages.getPage(input.id),
    treeAncestors(http, flavour, input.newParentId, input.newParentKind),
  ]);
  if (page.version.number !== input.baseVersion) {
    throw new ConfluenceError(
      'version_conflict',
      `The page is at version ${page.version.number}, not ${input.baseVersion}.`,
      { currentVersion: page.version.number },
    );
  }
  const refusal = moveRefusal(
    page,
    input.newParentId,
    parentAncestors.map((ancestor) => ancestor.id),
  );
  if (refusal) throw new AppError('bad_request', refusal);
  const saved = await pages.savePage({
    id: page.id,
    title: page.title,
    body: page.body,
    baseVersion: input.baseVersion,
    parentId: input.newParentId,
    message: 'Moved',
  });
  return {
    version: saved.version,
    ancestors: await treeAncestors(http, flavour, page.id),
  };
}
