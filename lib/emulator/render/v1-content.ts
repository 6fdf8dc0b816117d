import { V1_ROOT, type RequestContext } from '../http/context';
import type {
  AttachmentRecord,
  FolderRecord,
  PageRecord,
  SpaceRecord,
  VersionRecord,
} from '../store/types';
import { attachmentDownload, pageEditLink, pageWebui, spaceWebui, tinyCode } from './links';
import { pageOperations } from '../api/operations';
import { userJson } from './user-json';
import { renderView, type ViewFormat } from './view/render-view';

type Json = Record<string, unknown>;

/** `expand` as a set; `a.b` also expands `a`. Omitted ⇒ Confluence's default `space,history,version`. */
export function parseExpand(param: string | null, fallback = 'space,history,version'): Set<string> {
  const expand = new Set<string>();
  for (const item of (param ?? fallback).split(',')) {
    const parts = item.trim().split('.').filter(Boolean);
    for (let i = 1; i <= parts.length; i += 1) expand.add(parts.slice(0, i).join('.'));
  }
  return expand;
}

const BODY_FORMATS = [
  'storage',
  'view',
  'export_view',
  'styled_view',
  'editor',
  'anonymous_export_view',
] as const;

/** A v1 `Content` for a page, showing only what `expand` asks for and listing the rest in `_expandable`. */
export function contentJson(
  ctx: RequestContext,
  page: PageRecord,
  expand: Set<string>,
  version = page.current,
): Json {
  const self = `${ctx.base}${V1_ROOT}/content/${page.id}`;
  const space = ctx.store.spaceByKey(page.spaceKey);
  const expandable: Json = {
    childTypes: '',
    container: `${V1_ROOT}/space/${page.spaceKey}`,
    metadata: '',
    operations: '',
    schedulePublishDate: '',
    children: `${V1_ROOT}/content/${page.id}/child`,
    restrictions: `${V1_ROOT}/content/${page.id}/restriction/byOperation`,
    history: `${V1_ROOT}/content/${page.id}/history`,
    ancestors: '',
    body: '',
    version: '',
    descendants: `${V1_ROOT}/content/${page.id}/descendant`,
    space: `${V1_ROOT}/space/${page.spaceKey}`,
  };
  const json: Json = {
    id: page.id,
    type: 'page',
    status: version === page.current ? 'current' : 'historical',
    title: version.title,
  };
  if (expand.has('space') && space) json.space = spaceJson(ctx, space);
  if (expand.has('history')) json.history = historyJson(ctx, page, expand);
  if (expand.has('version')) json.version = versionJson(ctx, page, version);
  if (expand.has('ancestors')) {
    json.ancestors = ctx.store.ancestors(page).map((ancestor) => contentLiteJson(ctx, ancestor));
  }
  if (expand.has('body')) json.body = bodyJson(ctx, page, version, expand);
  if (expand.has('container') && space) json.container = spaceJson(ctx, space);
  if (expand.has('operations')) json.operations = pageOperations(ctx, page);
  for (const key of Object.keys(expandable)) if (key in json) delete expandable[key];
  json.extensions = { position: page.position };
  json._links = {
    webui: pageWebui(ctx.flavour, page),
    ...(ctx.flavour === 'cloud' ? { editui: pageEditLink(page) } : { edit: pageEditLink(page) }),
    tinyui: `/x/${tinyCode(page.id)}`,
    collection: `${V1_ROOT}/content`,
    base: ctx.base,
    context: ctx.context,
    self,
  };
  json._expandable = expandable;
  return json;
}

/** A v1 `Content` for a Cloud folder (search results): no body, no versions to expand. */
export function folderContentJson(
  ctx: RequestContext,
  folder: FolderRecord,
  expand: Set<string>,
): Json {
  const space = ctx.store.spaceByKey(folder.spaceKey);
  return {
    id: folder.id,
    type: 'folder',
    status: 'current',
    title: folder.title,
    ...(expand.has('space') && space ? { space: spaceJson(ctx, space) } : {}),
    extensions: { position: folder.position },
    _links: {
      webui: `/spaces/${folder.spaceKey}/folder/${folder.id}`,
      base: ctx.base,
      context: ctx.context,
      self: `${ctx.base}${V1_ROOT}/content/${folder.id}`,
    },
    _expandable: expand.has('space') ? {} : { space: `${V1_ROOT}/space/${folder.spaceKey}` },
  };
}

/** The short form used inside `ancestors` and child lists. */
export function contentLiteJson(ctx: RequestContext, page: PageRecord): Json {
  return contentJson(ctx, page, new Set());
}

function bodyJson(
  ctx: RequestContext,
  page: PageRecord,
  version: VersionRecord,
  expand: Set<string>,
): Json {
  const body: Json = {};
  const expandable: Json = {};
  for (const format of BODY_FORMATS) {
    if (!expand.has(`body.${format}`)) {
      expandable[format] = '';
      continue;
    }
    const value =
      format === 'storage' || format === 'editor'
        ? version.body
        : renderView(version.body, viewFormat(format), { ctx, page });
    body[format] = {
      value,
      representation: format,
      embeddedContent: [],
      _expandable: { content: `${V1_ROOT}/content/${page.id}` },
    };
  }
  body._expandable = expandable;
  return body;
}

function viewFormat(format: string): ViewFormat {
  return format === 'export_view' || format === 'anonymous_export_view'
    ? 'export_view'
    : format === 'styled_view'
      ? 'styled_view'
      : 'view';
}

export function spaceJson(ctx: RequestContext, space: SpaceRecord): Json {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    _links: {
      webui: spaceWebui(ctx.flavour, space.key),
      self: `${ctx.base}${V1_ROOT}/space/${space.key}`,
    },
    _expandable: {
      settings: `${V1_ROOT}/space/${space.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `${V1_ROOT}/settings/lookandfeel?spaceKey=${space.key}`,
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: `${V1_ROOT}/space/${space.key}/theme`,
      history: '',
      homepage: `${V1_ROOT}/content/${space.homePageId}`,
    },
  };
}

export function versionJson(ctx: RequestContext, page: PageRecord, version: VersionRecord): Json {
  const author = ctx.store.userByKey(version.authorKey);
  return {
    ...(author ? { by: userJson(ctx, author) } : {}),
    when: version.when,
    ...(ctx.flavour === 'cloud' ? { friendlyWhen: friendlyWhen(version.when) } : {}),
    message: version.message,
    number: version.number,
    minorEdit: version.minorEdit,
    ...(ctx.flavour === 'cloud'
      ? { contentTypeModified: false, confRev: `confluence$content$${page.id}.${version.number}` }
      : { hidden: false }),
    _links: { self: `${ctx.base}/rest/experimental/content/${page.id}/version/${version.number}` },
    _expandable: { content: `${V1_ROOT}/content/${page.id}`, collaborators: '' },
  };
}

function friendlyWhen(iso: string): string {
  return new Date(iso).toUTCString().replace(/ GMT$/, '');
}

function historyJson(ctx: RequestContext, page: PageRecord, expand: Set<string>): Json {
  const creator = ctx.store.userByKey(page.createdBy);
  const json: Json = {
    latest: true,
    ...(creator ? { createdBy: userJson(ctx, creator) } : {}),
    createdDate: page.createdAt,
  };
  if (expand.has('history.lastUpdated')) json.lastUpdated = versionJson(ctx, page, page.current);
  json._links = { self: `${ctx.base}${V1_ROOT}/content/${page.id}/history` };
  json._expandable = expand.has('history.lastUpdated')
    ? { previousVersion: '', contributors: '', nextVersion: '' }
    : { lastUpdated: '', previousVersion: '', contributors: '', nextVersion: '' };
  return json;
}

/** An attachment as `child/attachment` lists it. */
export function attachmentJson(
  ctx: RequestContext,
  page: PageRecord,
  attachment: AttachmentRecord,
): Json {
  const author = ctx.store.userByKey(attachment.authorKey);
  return {
    id: attachment.id,
    type: 'attachment',
    status: 'current',
    title: attachment.title,
    metadata: {
      mediaType: attachment.mediaType,
      comment: attachment.comment,
      _expandable: { currentUserProperties: '', labels: '', properties: '' },
    },
    extensions: {
      mediaType: attachment.mediaType,
      fileSize: attachment.fileSize,
      comment: attachment.comment,
    },
    version: {
      ...(author ? { by: userJson(ctx, author) } : {}),
      when: attachment.created,
      message: '',
      number: attachment.version,
      minorEdit: false,
      _expandable: { content: `${V1_ROOT}/content/${attachment.id}` },
    },
    _links: {
      webui: `${pageWebui(ctx.flavour, page)}?preview=${encodeURIComponent(`/${page.id}/${attachment.id.replace(/^att/, '')}/${attachment.title}`)}`,
      download: attachmentDownload(
        page.id,
        attachment.title,
        attachment.version,
        attachment.created,
      ),
      self: `${ctx.base}${V1_ROOT}/content/${attachment.id}`,
    },
    _expandable: {
      container: `${V1_ROOT}/content/${page.id}`,
      operations: '',
      children: '',
      restrictions: '',
      history: '',
      ancestors: '',
      body: '',
      descendants: '',
      space: `${V1_ROOT}/space/${page.spaceKey}`,
    },
  };
}

/** The paged list wrapper v1 uses (`ContentArray`, `VersionArray`, space lists…). */
export function pagedJson(ctx: RequestContext, all: unknown[], selfPath: string): Json {
  const start = Math.max(0, Number(ctx.query.get('start') ?? 0) || 0);
  const limit = Math.max(1, Math.min(200, Number(ctx.query.get('limit') ?? 25) || 25));
  const results = all.slice(start, start + limit);
  const links: Json = { self: `${ctx.base}${selfPath}`, base: ctx.base, context: ctx.context };
  if (start + limit < all.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('start', String(start + limit));
    next.set('limit', String(limit));
    links.next = `${selfPath.replace(/\?.*$/, '')}?${next.toString()}`.replace(/^/, '');
  }
  return { results, start, limit, size: results.length, _links: links };
}
