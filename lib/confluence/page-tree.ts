import { z } from 'zod';

import { AppError } from '@/lib/errors';

import type { ConfluenceFlavour } from './model';
import {
  v1ContentArraySchema,
  v1ContentSchema,
  v2AncestorsSchema,
  v2PageListSchema,
} from './schemas';
import type { ConfluenceTransport } from './transport';

/** One entry of the page tree: a page, or on Cloud a folder (which has no body to edit). */
export interface TreeNode {
  id: string;
  title: string;
  kind: 'page' | 'folder';
}

/** Where a page sits: ancestors (root first), siblings (itself included, when it has a parent), children. */
export interface PageNeighbourhood {
  ancestors: TreeNode[];
  siblings: TreeNode[];
  children: TreeNode[];
}

const v2DirectChildrenSchema = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), title: z.string(), type: z.string() })),
});
const v2FolderSchema = z.looseObject({ id: z.string(), title: z.string() });

/** Folders are Cloud's: on Data Center a folder id is a mistake of the caller, said plainly. */
function refuseDataCenterFolder(flavour: ConfluenceFlavour, kind: TreeNode['kind']): void {
  if (flavour === 'datacenter' && kind === 'folder') {
    throw new AppError('bad_request', 'Data Center has no folders: choose a page.');
  }
}

/**
 * Ancestors as the tree shows them, root first. Cloud's v2 answer holds ids and types only:
 * page titles come from one bulk read, folder titles from `GET /folders/{id}`.
 */
export async function treeAncestors(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  id: string,
  kind: TreeNode['kind'] = 'page',
): Promise<TreeNode[]> {
  refuseDataCenterFolder(flavour, kind);
  if (flavour === 'datacenter') {
    const content = await http.request('GET', `rest/api/content/${id}`, {
      query: { expand: 'ancestors' },
      schema: v1ContentSchema,
    });
    return (content.ancestors ?? []).map((a) => ({ id: a.id, title: a.title, kind: 'page' }));
  }
  const { results } = await http.request(
    'GET',
    `wiki/api/v2/${kind === 'folder' ? 'folders' : 'pages'}/${id}/ancestors`,
    { query: { limit: 250 }, schema: v2AncestorsSchema },
  );
  const pageIds = results.filter((a) => !a.type || a.type === 'page').map((a) => a.id);
  const folderIds = results.filter((a) => a.type === 'folder').map((a) => a.id);
  const [pages, folders] = await Promise.all([
    pageIds.length === 0
      ? Promise.resolve({ results: [] })
      : http.request('GET', 'wiki/api/v2/pages', {
          query: { id: pageIds, limit: 250 },
          schema: v2PageListSchema,
        }),
    Promise.all(
      folderIds.map((folderId) =>
        http.request('GET', `wiki/api/v2/folders/${folderId}`, { schema: v2FolderSchema }),
      ),
    ),
  ]);
  const titles = new Map([...pages.results, ...folders].map((item) => [item.id, item.title]));
  return results
    .filter((a) => !a.type || a.type === 'page' || a.type === 'folder')
    .map((a) => ({
      id: a.id,
      title: titles.get(a.id) ?? a.id,
      kind: a.type === 'folder' ? 'folder' : 'page',
    }));
}

/**
 * The direct children of a page or folder, in Confluence's order. Cloud: v2
 * `GET /pages/{id}/direct-children` or `/folders/{id}/direct-children`, which list pages and
 * folders alike (whiteboards and the like are left out). Data Center: v1
 * `GET /content/{id}/child/page`.
 */
export async function childrenOf(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  id: string,
  kind: TreeNode['kind'] = 'page',
): Promise<TreeNode[]> {
  refuseDataCenterFolder(flavour, kind);
  if (flavour === 'datacenter') {
    const list = await http.request('GET', `rest/api/content/${id}/child/page`, {
      query: { limit: 200 },
      schema: v1ContentArraySchema,
    });
    return list.results.map((child) => ({ id: child.id, title: child.title, kind: 'page' }));
  }
  const list = await http.request(
    'GET',
    `wiki/api/v2/${kind === 'folder' ? 'folders' : 'pages'}/${id}/direct-children`,
    { query: { limit: 250 }, schema: v2DirectChildrenSchema },
  );
  return list.results.flatMap((child) =>
    child.type === 'page' || child.type === 'folder'
      ? [{ id: child.id, title: child.title, kind: child.type }]
      : [],
  );
}

/**
 * The tree around a page: ancestors, the parent's children (the page and its siblings) and the
 * page's own children. A page at the top of its space has no parent to list siblings from: empty.
 */
export async function pageNeighbourhood(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  id: string,
): Promise<PageNeighbourhood> {
  const [ancestors, children] = await Promise.all([
    treeAncestors(http, flavour, id),
    childrenOf(http, flavour, id),
  ]);
  const parent = ancestors.at(-1);
  const siblings = parent ? await childrenOf(http, flavour, parent.id, parent.kind) : [];
  return { ancestors, siblings, children };
}
