import type { RequestContext } from '../http/context';
import { sendV2Error } from '../http/errors';
import { asObject, readJsonObject } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import {
  v2AttachmentJson,
  v2PageJson,
  v2Paged,
  v2SpaceJson,
  v2VersionJson,
} from '../render/v2-json';
import { directChildren, treeAncestors } from '../store/folders';
import { sendSaveFault, sendV2SaveFailure } from './save-outcome';

function notFound(ctx: RequestContext): void {
  sendV2Error(ctx, 404, 'NOT_FOUND', 'Not Found');
}

function getPage(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return notFound(ctx);
  const versionParam = ctx.query.get('version');
  const version =
    versionParam === null ? page.current : ctx.store.version(page, Number(versionParam));
  if (!version) return notFound(ctx);
  sendJson(ctx.res, 200, v2PageJson(ctx, page, ctx.query.get('body-format'), version));
}

function ancestors(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return notFound(ctx);
  const limit = Math.max(1, Math.min(250, Number(ctx.query.get('limit') ?? 25) || 25));
  // Cloud returns the `limit` nearest ancestors, still ordered top to bottom.
  const results = treeAncestors(ctx.store, { type: 'page', page }).slice(-limit);
  sendJson(ctx.res, 200, { results, _links: { base: ctx.base } });
}

const REQUIRED = ['id', 'status', 'title', 'body', 'version'] as const;

/** PUT /pages/{id}: required id/status/title/body/version; `parentId` moves within the space. */
function updatePage(ctx: RequestContext, { id }: Record<string, string>): void {
  const json = readJsonObject(ctx);
  if (!json) return;
  if (!ctx.store.visiblePage(id!, ctx.user)) return notFound(ctx);
  const missing = REQUIRED.find((field) => json[field] === undefined || json[field] === null);
  if (missing && missing !== 'version') {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      `Value must not be null for field '${missing}'`,
    );
  }
  if (String(json.id) !== id) {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      `The id in the body (${String(json.id)}) does not match the path (${id})`,
    );
  }
  if (json.status !== 'current') {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      `Unsupported status for this emulator: ${String(json.status)}`,
    );
  }
  const body = asObject(json.body);
  const storage = asObject(body?.storage) ?? body;
  if (storage?.representation !== 'storage' || typeof storage.value !== 'string') {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      "Only 'storage' bodies are supported by this emulator",
    );
  }
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'Title cannot be empty');
  }
  const space = ctx.store.spaceByKey(ctx.store.visiblePage(id!, ctx.user)!.spaceKey);
  if (json.spaceId !== undefined && String(json.spaceId) !== String(space?.id)) {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      'Moving a page to another space is not supported',
    );
  }
  const version = asObject(json.version);
  const number = typeof version?.number === 'number' ? version.number : undefined;
  const outcome = ctx.store.updatePage(
    id!,
    {
      title: json.title,
      body: storage.value,
      parentId:
        json.parentId === undefined || json.parentId === null ? undefined : String(json.parentId),
      parentMayBeFolder: true,
      versionNumber: number,
      message: typeof version?.message === 'string' ? version.message : undefined,
      minorEdit: false,
    },
    ctx.user!,
  );
  if (outcome.kind !== 'ok') return sendV2SaveFailure(ctx, outcome, number);
  if (ctx.saveFault !== 'none') return sendSaveFault(ctx);
  sendJson(ctx.res, 200, v2PageJson(ctx, outcome.page, 'storage'));
}

function listPages(ctx: RequestContext): void {
  const spaceIds = ctx.query
    .getAll('space-id')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  const title = ctx.query.get('title');
  const ids = ctx.query
    .getAll('id')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  const pages = ctx.store
    .visiblePages(ctx.user)
    .filter(
      (page) =>
        spaceIds.length === 0 || spaceIds.includes(String(ctx.store.spaceByKey(page.spaceKey)?.id)),
    )
    .filter((page) => ids.length === 0 || ids.includes(page.id))
    .filter((page) => title === null || page.current.title === title);
  const format = ctx.query.get('body-format');
  sendJson(
    ctx.res,
    200,
    v2Paged(
      ctx,
      pages.map((page) => v2PageJson(ctx, page, format)),
      '/pages',
    ),
  );
}

function listSpaces(ctx: RequestContext): void {
  const keys = ctx.query
    .getAll('keys')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  const ids = ctx.query
    .getAll('ids')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  const spaces = ctx.store
    .spaces()
    .filter((space) => keys.length === 0 || keys.includes(space.key))
    .filter((space) => ids.length === 0 || ids.includes(String(space.id)));
  sendJson(
    ctx.res,
    200,
    v2Paged(
      ctx,
      spaces.map((space) => v2SpaceJson(ctx, space)),
      '/spaces',
    ),
  );
}

function getSpace(ctx: RequestContext, { id }: Record<string, string>): void {
  const space = ctx.store.spaceById(Number(id));
  if (!space) return notFound(ctx);
  sendJson(ctx.res, 200, v2SpaceJson(ctx, space));
}

function versions(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return notFound(ctx);
  const all = [page.current, ...[...page.history].reverse()].map((version) => ({
    ...v2VersionJson(ctx, version),
    page: { id: page.id, title: version.title },
  }));
  if (ctx.query.get('sort') === 'modified-date') all.reverse();
  sendJson(ctx.res, 200, v2Paged(ctx, all, `/pages/${page.id}/versions`));
}

function singleVersion(ctx: RequestContext, { id, number }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  const version = page && ctx.store.version(page, Number(number));
  if (!page || !version) return notFound(ctx);
  const previous = ctx.store.version(page, version.number - 1);
  const next = ctx.store.version(page, version.number + 1);
  sendJson(ctx.res, 200, {
    ...v2VersionJson(ctx, version),
    contentTypeModified: false,
    collaborators: [...new Set([version.authorKey])].map(
      (key) => ctx.store.userByKey(key)?.accountId ?? '',
    ),
    ...(previous ? { prevVersion: previous.number } : {}),
    ...(next ? { nextVersion: next.number } : {}),
  });
}

function attachments(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return notFound(ctx);
  const filename = ctx.query.get('filename');
  const mediaType = ctx.query.get('mediaType');
  const results = page.attachments
    .filter((attachment) => filename === null || attachment.title === filename)
    .filter((attachment) => mediaType === null || attachment.mediaType === mediaType)
    .map((attachment) => v2AttachmentJson(ctx, page, attachment));
  sendJson(ctx.res, 200, v2Paged(ctx, results, `/pages/${page.id}/attachments`));
}

function children(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return notFound(ctx);
  const space = ctx.store.spaceByKey(page.spaceKey);
  // Child pages only, directly below: a page in a folder is the folder's child.
  const results = directChildren(ctx.store, page.id, ctx.user).flatMap((child) =>
    child.type === 'page'
      ? [
          {
            id: child.page.id,
            status: 'current',
            title: child.page.current.title,
            spaceId: String(space?.id ?? ''),
            childPosition: child.page.position,
          },
        ]
      : [],
  );
  sendJson(ctx.res, 200, v2Paged(ctx, results, `/pages/${page.id}/children`));
}

/** Registers the Cloud v2 routes. */
export function registerV2(router: Router): void {
  router
    .add('GET', '/pages', listPages)
    .add('GET', '/pages/:id', getPage)
    .add('PUT', '/pages/:id', updatePage)
    .add('GET', '/pages/:id/ancestors', ancestors)
    .add('GET', '/pages/:id/versions', versions)
    .add('GET', '/pages/:id/versions/:number', singleVersion)
    .add('GET', '/pages/:id/attachments', attachments)
    .add('GET', '/pages/:id/children', children)
    .add('GET', '/spaces', listSpaces)
    .add('GET', '/spaces/:id', getSpace);
}
