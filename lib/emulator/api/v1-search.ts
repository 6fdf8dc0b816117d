import { V1_ROOT, type RequestContext } from '../http/context';
import { sendV1Error } from '../http/errors';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { pageWebui, spaceWebui } from '../render/links';
import { contentJson, folderContentJson, parseExpand } from '../render/v1-content';
import type { FolderRecord, PageRecord } from '../store/types';
import { CqlError, parseCql } from './cql';
import { foldersMatching, pagesMatching } from './cql-match';

/**
 * GET /search?cql=… (Cloud `/wiki/rest/api/search`, Data Center `/rest/api/search`): CQL search
 * whose results wrap the content with its space as `resultGlobalContainer`. `expand=content.space`
 * adds the space to each content, as Confluence does.
 */
function search(ctx: RequestContext): void {
  const cql = ctx.query.get('cql');
  if (!cql) return sendV1Error(ctx, 400, 'cql is a required parameter');
  let expression;
  try {
    expression = parseCql(cql);
  } catch (error) {
    if (error instanceof CqlError) return sendV1Error(ctx, 400, error.message);
    throw error;
  }
  const started = Date.now();
  // Pages first, then (Cloud only) folders: both are content to CQL.
  const matches: Array<{ page: PageRecord } | { folder: FolderRecord }> = [
    ...pagesMatching(ctx, expression).map((page) => ({ page })),
    ...foldersMatching(ctx, expression).map((folder) => ({ folder })),
  ];
  const start = Math.max(0, Number(ctx.query.get('start') ?? 0) || 0);
  const limit = Math.max(1, Math.min(100, Number(ctx.query.get('limit') ?? 25) || 25));
  const contentExpand = new Set(
    [...parseExpand(ctx.query.get('expand'), '')]
      .filter((item) => item.startsWith('content.'))
      .map((item) => item.slice('content.'.length)),
  );
  const results = matches.slice(start, start + limit).map((match) => {
    if ('folder' in match) return folderResult(ctx, match.folder, contentExpand);
    const { page } = match;
    const space = ctx.store.spaceByKey(page.spaceKey);
    const webui = pageWebui(ctx.flavour, page);
    return {
      content: contentJson(ctx, page, contentExpand),
      title: page.current.title,
      excerpt: '',
      url: webui,
      resultGlobalContainer: {
        title: space?.name ?? page.spaceKey,
        displayUrl: spaceWebui(ctx.flavour, page.spaceKey),
      },
      breadcrumbs: [],
      entityType: 'content',
      iconCssClass: 'aui-icon content-type-page',
      lastModified: page.current.when,
      friendlyLastModified: page.current.when.slice(0, 10),
      score: 1,
    };
  });
  sendJson(ctx.res, 200, {
    results,
    start,
    limit,
    size: results.length,
    totalSize: matches.length,
    cqlQuery: cql,
    searchDuration: Date.now() - started,
    _links: { self: `${ctx.base}${V1_ROOT}/search`, base: ctx.base, context: ctx.context },
  });
}

function folderResult(ctx: RequestContext, folder: FolderRecord, contentExpand: Set<string>) {
  const content = folderContentJson(ctx, folder, contentExpand);
  return {
    content,
    title: folder.title,
    excerpt: '',
    url: (content._links as { webui: string }).webui,
    resultGlobalContainer: {
      title: ctx.store.spaceByKey(folder.spaceKey)?.name ?? folder.spaceKey,
      displayUrl: spaceWebui(ctx.flavour, folder.spaceKey),
    },
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: 'aui-icon content-type-folder',
    lastModified: folder.createdAt,
    friendlyLastModified: folder.createdAt.slice(0, 10),
    score: 1,
  };
}

/** Registers the v1 CQL search (shared by Data Center and Cloud). */
export function registerV1Search(router: Router): void {
  router.add('GET', '/search', search);
}
