import { V1_ROOT, type RequestContext } from '../http/context';
import { notFoundMessage, sendV1Error } from '../http/errors';
import { asObject, readJsonObject } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import {
  attachmentJson,
  contentJson,
  pagedJson,
  parseExpand,
  versionJson,
} from '../render/v1-content';
import { sendSaveFault, sendV1SaveFailure } from './save-outcome';

/** GET /content/{id}: `expand`, `status=historical|any|current`, `version=N`. */
function getContent(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV1Error(ctx, 404, notFoundMessage(id!));
  const status = ctx.query.get('status') ?? 'current';
  const versionParam = ctx.query.get('version');
  let version = page.current;
  if (versionParam !== null) {
    const found = ctx.store.version(page, Number(versionParam));
    if (!found) return sendV1Error(ctx, 404, notFoundMessage(id!));
    version = found;
  } else if (!['current', 'any', 'historical'].includes(status)) {
    return sendV1Error(ctx, 404, notFoundMessage(id!));
  }
  sendJson(ctx.res, 200, contentJson(ctx, page, parseExpand(ctx.query.get('expand')), version));
}

/** GET /content?spaceKey&title&type&status: title lookup (or a space's pages). */
function listContent(ctx: RequestContext): void {
  const type = ctx.query.get('type') ?? 'page';
  const spaceKey = ctx.query.get('spaceKey');
  const title = ctx.query.get('title');
  const status = ctx.query.get('status') ?? 'current';
  const pages =
    type !== 'page' || !['current', 'any'].includes(status)
      ? []
      : ctx.store
          .visiblePages(ctx.user)
          .filter((page) => !spaceKey || page.spaceKey === spaceKey)
          .filter(
            (page) =>
              title === null ||
              page.current.title.trim().toLowerCase() === title.trim().toLowerCase(),
          );
  const expand = parseExpand(ctx.query.get('expand'), '');
  const results = pages.map((page) => contentJson(ctx, page, expand));
  sendJson(ctx.res, 200, pagedJson(ctx, results, `${V1_ROOT}/content?${ctx.query.toString()}`));
}

/** PUT /content/{id}: the update, validated in Confluence's order. */
function updateContent(ctx: RequestContext, { id }: Record<string, string>): void {
  const json = readJsonObject(ctx);
  if (!json) return;
  if (!ctx.store.visiblePage(id!, ctx.user)) return sendV1Error(ctx, 404, notFoundMessage(id!));
  if (json.type !== undefined && json.type !== 'page') {
    return sendV1Error(
      ctx,
      400,
      `Content type mismatch: content ${id} is a page, not a ${String(json.type)}`,
    );
  }
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    return sendV1Error(ctx, 400, 'Must supply a title when updating Content.');
  }
  const storage = asObject(asObject(json.body)?.storage);
  if (storage && storage.representation !== undefined && storage.representation !== 'storage') {
    return sendV1Error(ctx, 400, `Unsupported representation: ${String(storage.representation)}`);
  }
  const ancestors = Array.isArray(json.ancestors) ? json.ancestors : undefined;
  const parent = ancestors?.length ? asObject(ancestors[ancestors.length - 1])?.id : undefined;
  const version = asObject(json.version);
  const outcome = ctx.store.updatePage(
    id!,
    {
      title: json.title,
      body: typeof storage?.value === 'string' ? storage.value : undefined,
      parentId: parent === undefined ? undefined : String(parent),
      versionNumber: typeof version?.number === 'number' ? version.number : undefined,
      message: typeof version?.message === 'string' ? version.message : undefined,
      minorEdit: version?.minorEdit === true,
    },
    ctx.user!,
  );
  if (outcome.kind !== 'ok') return sendV1SaveFailure(ctx, id!, outcome);
  if (ctx.saveFault !== 'none') return sendSaveFault(ctx);
  sendJson(
    ctx.res,
    200,
    contentJson(ctx, outcome.page, parseExpand('space,history,version,ancestors,body.storage')),
  );
}

function childPages(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV1Error(ctx, 404, notFoundMessage(id!));
  const expand = parseExpand(ctx.query.get('expand'), '');
  const children = ctx.store
    .children(page.id, ctx.user)
    .map((child) => contentJson(ctx, child, expand));
  sendJson(ctx.res, 200, pagedJson(ctx, children, `${V1_ROOT}/content/${page.id}/child/page`));
}

function childAttachments(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV1Error(ctx, 404, notFoundMessage(id!));
  const filename = ctx.query.get('filename');
  const mediaType = ctx.query.get('mediaType');
  const results = page.attachments
    .filter((attachment) => filename === null || attachment.title === filename)
    .filter((attachment) => mediaType === null || attachment.mediaType === mediaType)
    .map((attachment) => attachmentJson(ctx, page, attachment));
  sendJson(ctx.res, 200, pagedJson(ctx, results, `${V1_ROOT}/content/${page.id}/child/attachment`));
}

/** Cloud's `.../child/attachment/{attachmentId}/download`: 302 to the binary. */
function attachmentRedirect(
  ctx: RequestContext,
  { id, attachmentId }: Record<string, string>,
): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  const attachment = page?.attachments.find((candidate) => candidate.id === attachmentId);
  if (!page || !attachment) return sendV1Error(ctx, 404, notFoundMessage(attachmentId!));
  ctx.res.writeHead(302, {
    Location: `${ctx.base}/download/attachments/${page.id}/${encodeURIComponent(attachment.title)}?version=${attachment.version}&api=v2`,
  });
  ctx.res.end();
}

function versions(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV1Error(ctx, 404, notFoundMessage(id!));
  const all = [page.current, ...[...page.history].reverse()].map((version) =>
    versionJson(ctx, page, version),
  );
  sendJson(ctx.res, 200, pagedJson(ctx, all, `${V1_ROOT}/content/${page.id}/version`));
}

function singleVersion(ctx: RequestContext, { id, number }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  const version = page && ctx.store.version(page, Number(number));
  if (!page || !version) return sendV1Error(ctx, 404, notFoundMessage(id!));
  sendJson(ctx.res, 200, versionJson(ctx, page, version));
}

function history(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV1Error(ctx, 404, notFoundMessage(id!));
  const json = contentJson(ctx, page, parseExpand('history.lastUpdated')).history as Record<
    string,
    unknown
  >;
  const previous = page.history[page.history.length - 1];
  if (previous) json.previousVersion = versionJson(ctx, page, previous);
  sendJson(ctx.res, 200, json);
}

/** Registers the v1 content routes (shared by DC and Cloud). */
export function registerV1Content(router: Router): void {
  router
    .add('GET', '/content', listContent)
    .add('GET', '/content/:id', getContent)
    .add('PUT', '/content/:id', updateContent)
    .add('GET', '/content/:id/child/page', childPages)
    .add('GET', '/content/:id/child/attachment', childAttachments)
    .add('GET', '/content/:id/child/attachment/:attachmentId/download', attachmentRedirect)
    .add('GET', '/content/:id/version', versions)
    .add('GET', '/content/:id/version/:number', singleVersion)
    .add('GET', '/content/:id/history', history);
}
