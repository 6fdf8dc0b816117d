import type { RequestContext } from '../http/context';
import { sendV2Error } from '../http/errors';
import { readV2BodyInSpace } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { v2Paged } from '../render/v2-json';
import {
  createFolder,
  directChildren,
  treeAncestors,
  treeItem,
  type TreeItem,
} from '../store/folders';
import type { FolderRecord } from '../store/types';

/**
 * Cloud folders (v2): create, read, ancestors, and the `direct-children` lists of folders and
 * pages, which hold pages and folders alike. Folder routes exist on Cloud only: the v2 router is
 * mounted under `/wiki/api/v2` alone, so Data Center has none.
 */

function notFound(ctx: RequestContext): void {
  sendV2Error(ctx, 404, 'NOT_FOUND', 'Not Found');
}

/** `FolderSingle` with `_links.base`, as GET and POST /folders answer. */
export function v2FolderJson(ctx: RequestContext, folder: FolderRecord): Record<string, unknown> {
  const space = ctx.store.spaceByKey(folder.spaceKey);
  const parent = folder.parentId ? ctx.store.folderById(folder.parentId) : undefined;
  const author = ctx.store.userByKey(folder.createdBy)?.accountId ?? '';
  return {
    id: folder.id,
    type: 'folder',
    status: 'current',
    title: folder.title,
    ...(folder.parentId
      ? { parentId: folder.parentId, parentType: parent ? 'folder' : 'page' }
      : {}),
    position: folder.position,
    authorId: author,
    ownerId: author,
    createdAt: folder.createdAt,
    version: {
      createdAt: folder.createdAt,
      message: '',
      number: 1,
      minorEdit: false,
      authorId: author,
    },
    _links: {
      webui: `/spaces/${folder.spaceKey}/folder/${folder.id}`,
      base: ctx.base,
    },
    // As on pages: where the folder lives, without another call.
    spaceId: String(space?.id ?? ''),
  };
}

function getFolder(ctx: RequestContext, { id }: Record<string, string>): void {
  const folder = ctx.store.folderById(id!);
  if (!folder) return notFound(ctx);
  sendJson(ctx.res, 200, v2FolderJson(ctx, folder));
}

/** POST /folders `{spaceId, title, parentId?}`: without a parent the folder goes under the home page. */
function postFolder(ctx: RequestContext): void {
  const read = readV2BodyInSpace(ctx);
  if (!read) return;
  const { json, space } = read;
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'Title cannot be empty');
  }
  const parentId =
    json.parentId === undefined || json.parentId === null
      ? space.homePageId
      : String(json.parentId);
  const outcome = createFolder(
    ctx.store,
    { spaceKey: space.key, title: json.title, parentId },
    ctx.user!,
  );
  switch (outcome.kind) {
    case 'ok':
      return sendJson(ctx.res, 200, v2FolderJson(ctx, outcome.folder));
    case 'forbidden':
      return sendV2Error(ctx, 403, 'FORBIDDEN', 'You are not permitted to create content here');
    case 'no-space':
      return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'A valid spaceId is required');
    case 'bad-parent':
      return sendV2Error(ctx, 404, 'NOT_FOUND', `Parent ${outcome.parentId} was not found`);
  }
}

function ancestorsOf(ctx: RequestContext, item: TreeItem | undefined): void {
  if (!item) return notFound(ctx);
  const limit = Math.max(1, Math.min(250, Number(ctx.query.get('limit') ?? 25) || 25));
  // Cloud returns the `limit` nearest ancestors, still ordered top to bottom.
  const results = treeAncestors(ctx.store, item).slice(-limit);
  sendJson(ctx.res, 200, { results, _links: { base: ctx.base } });
}

function childrenOf(ctx: RequestContext, item: TreeItem | undefined, path: string): void {
  if (!item) return notFound(ctx);
  const id = item.type === 'page' ? item.page.id : item.folder.id;
  const results = directChildren(ctx.store, id, ctx.user).map((child) => {
    const [childId, title, spaceKey, position] =
      child.type === 'page'
        ? [child.page.id, child.page.current.title, child.page.spaceKey, child.page.position]
        : [child.folder.id, child.folder.title, child.folder.spaceKey, child.folder.position];
    return {
      id: childId,
      status: 'current',
      title,
      type: child.type,
      spaceId: String(ctx.store.spaceByKey(spaceKey)?.id ?? ''),
      childPosition: position,
    };
  });
  sendJson(ctx.res, 200, v2Paged(ctx, results, path));
}

function folderItem(ctx: RequestContext, id: string): TreeItem | undefined {
  const folder = ctx.store.folderById(id);
  return folder ? { type: 'folder', folder } : undefined;
}

function pageItem(ctx: RequestContext, id: string): TreeItem | undefined {
  const item = treeItem(ctx.store, id, ctx.user);
  return item?.type === 'page' ? item : undefined;
}

/** Registers the Cloud v2 folder routes and the pages' `direct-children`. */
export function registerV2Folders(router: Router): void {
  router
    .add('POST', '/folders', postFolder)
    .add('GET', '/folders/:id', getFolder)
    .add('GET', '/folders/:id/ancestors', (ctx, { id }) => ancestorsOf(ctx, folderItem(ctx, id!)))
    .add('GET', '/folders/:id/direct-children', (ctx, { id }) =>
      childrenOf(ctx, folderItem(ctx, id!), `/folders/${id}/direct-children`),
    )
    .add('GET', '/pages/:id/direct-children', (ctx, { id }) =>
      childrenOf(ctx, pageItem(ctx, id!), `/pages/${id}/direct-children`),
    );
}
