import type { RequestContext } from '../http/context';
import type { AttachmentRecord, PageRecord, SpaceRecord, VersionRecord } from '../store/types';
import { attachmentDownload, pageEditLink, pageWebui, spaceWebui, tinyCode } from './links';
import { renderView } from './view/render-view';

type Json = Record<string, unknown>;

const V2_BODY_FORMATS = new Set([
  'storage',
  'view',
  'export_view',
  'styled_view',
  'anonymous_export_view',
  'editor',
]);

function accountIdOf(ctx: RequestContext, key: string): string {
  return ctx.store.userByKey(key)?.accountId ?? '';
}

/** v2 `version` object. */
export function v2VersionJson(ctx: RequestContext, version: VersionRecord): Json {
  return {
    createdAt: version.when,
    message: version.message,
    number: version.number,
    minorEdit: version.minorEdit,
    authorId: accountIdOf(ctx, version.authorKey),
  };
}

/** v2 `PageSingle` (GET/PUT /pages/{id}); `bodyFormat` null ⇒ empty `body` as Cloud sends. */
export function v2PageJson(
  ctx: RequestContext,
  page: PageRecord,
  bodyFormat: string | null,
  version = page.current,
): Json {
  const space = ctx.store.spaceByKey(page.spaceKey);
  const body: Json = {};
  if (bodyFormat && V2_BODY_FORMATS.has(bodyFormat)) {
    const value =
      bodyFormat === 'storage' || bodyFormat === 'editor'
        ? version.body
        : renderView(
            version.body,
            bodyFormat === 'styled_view'
              ? 'styled_view'
              : bodyFormat === 'view'
                ? 'view'
                : 'export_view',
            { ctx, page },
          );
    body[bodyFormat] = { representation: bodyFormat, value };
  }
  return {
    // A page at the top of its space has no parent: the fields are left out (the spec has no null).
    ...(page.current.parentId
      ? {
          parentType: ctx.store.folderById(page.current.parentId) ? 'folder' : 'page',
          parentId: page.current.parentId,
        }
      : {}),
    spaceId: String(space?.id ?? ''),
    ownerId: accountIdOf(ctx, page.createdBy),
    lastOwnerId: null,
    createdAt: page.createdAt,
    authorId: accountIdOf(ctx, page.createdBy),
    position: page.position,
    version: v2VersionJson(ctx, version),
    body,
    status: version === page.current ? 'current' : 'historical',
    title: version.title,
    id: page.id,
    _links: {
      editui: pageEditLink(page),
      webui: pageWebui('cloud', page),
      tinyui: `/x/${tinyCode(page.id)}`,
      base: ctx.base,
    },
  };
}

/** v2 space. */
export function v2SpaceJson(ctx: RequestContext, space: SpaceRecord): Json {
  return {
    id: String(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: ctx.store.users()[0]?.accountId ?? '',
    createdAt: '2025-01-01T00:00:00.000Z',
    homepageId: space.homePageId,
    _links: { webui: spaceWebui('cloud', space.key) },
  };
}

/** v2 attachment. */
export function v2AttachmentJson(
  ctx: RequestContext,
  page: PageRecord,
  attachment: AttachmentRecord,
): Json {
  const download = attachmentDownload(
    page.id,
    attachment.title,
    attachment.version,
    attachment.created,
  );
  const webui = `${pageWebui('cloud', page)}?preview=${encodeURIComponent(`/${page.id}/${attachment.id.replace(/^att/, '')}/${attachment.title}`)}`;
  return {
    id: attachment.id,
    status: 'current',
    title: attachment.title,
    createdAt: attachment.created,
    pageId: page.id,
    mediaType: attachment.mediaType,
    mediaTypeDescription: attachment.mediaType,
    comment: attachment.comment,
    fileId: `${attachment.id.replace(/^att/, '')}-file`,
    fileSize: attachment.fileSize,
    webuiLink: webui,
    downloadLink: download,
    version: {
      createdAt: attachment.created,
      message: '',
      number: attachment.version,
      minorEdit: false,
      authorId: accountIdOf(ctx, attachment.authorKey),
    },
    _links: { webui, download },
  };
}

/** v2 cursor pagination over an in-memory list: the cursor is the start index, opaque to clients. */
export function v2Paged(ctx: RequestContext, all: unknown[], path: string): Json {
  const start =
    Number(Buffer.from(ctx.query.get('cursor') ?? '', 'base64url').toString() || 0) || 0;
  const limit = Math.max(1, Math.min(250, Number(ctx.query.get('limit') ?? 25) || 25));
  const results = all.slice(start, start + limit);
  const links: Json = { base: ctx.base };
  if (start + limit < all.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
    links.next = `/wiki/api/v2${path}?${next.toString()}`;
    ctx.res.setHeader('Link', `<${links.next as string}>; rel="next"`);
  }
  return { results, _links: links };
}
