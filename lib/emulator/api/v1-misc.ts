import { randomUUID } from 'node:crypto';

import { V1_ROOT, type RequestContext } from '../http/context';
import { sendV1Error } from '../http/errors';
import { readJsonObject } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { anonymousJson, userJson } from '../render/user-json';
import { contentJson, pagedJson, parseExpand, spaceJson } from '../render/v1-content';
import { renderView } from '../render/view/render-view';
import { checkStorageXhtml, xhtmlErrorText } from '../xhtml/check-xhtml';
import { CqlError, parseCql } from './cql';
import { pagesMatching } from './cql-match';

function currentUser(ctx: RequestContext): void {
  sendJson(ctx.res, 200, ctx.user ? userJson(ctx, ctx.user) : anonymousJson(ctx));
}

function listSpaces(ctx: RequestContext): void {
  const keys = [
    ...ctx.query.getAll('spaceKey'),
    ...(ctx.query.get('keys')?.split(',') ?? []),
  ].filter(Boolean);
  const spaces = ctx.store
    .spaces()
    .filter((space) => keys.length === 0 || keys.includes(space.key));
  sendJson(
    ctx.res,
    200,
    pagedJson(
      ctx,
      spaces.map((space) => spaceJson(ctx, space)),
      `${V1_ROOT}/space`,
    ),
  );
}

function getSpace(ctx: RequestContext, { key }: Record<string, string>): void {
  const space = ctx.store.spaceByKey(key!);
  if (!space) return sendV1Error(ctx, 404, `No space with key : ${key}`);
  sendJson(ctx.res, 200, spaceJson(ctx, space));
}

function searchContent(ctx: RequestContext): void {
  const cql = ctx.query.get('cql');
  if (!cql) return sendV1Error(ctx, 400, 'cql is a required parameter');
  try {
    const pages = pagesMatching(ctx, parseCql(cql));
    const expand = parseExpand(ctx.query.get('expand'), '');
    const results = pages.map((page) => contentJson(ctx, page, expand));
    sendJson(
      ctx.res,
      200,
      pagedJson(ctx, results, `${V1_ROOT}/content/search?${ctx.query.toString()}`),
    );
  } catch (error) {
    if (error instanceof CqlError) return sendV1Error(ctx, 400, error.message);
    throw error;
  }
}

const CONVERT_TARGETS = new Set(['view', 'export_view', 'styled_view', 'editor']);

/** Storage → view/export_view/styled_view/editor; 400 with the parse error on a bad body. */
function convertBody(ctx: RequestContext, to: string): Record<string, unknown> | undefined {
  if (!CONVERT_TARGETS.has(to)) {
    sendV1Error(ctx, 400, `Cannot convert from storage to ${to}`);
    return undefined;
  }
  const json = readJsonObject(ctx);
  if (!json) return undefined;
  if (json.representation !== 'storage' || typeof json.value !== 'string') {
    sendV1Error(ctx, 400, `Cannot convert from ${String(json.representation)} to ${to}`);
    return undefined;
  }
  const verdict = checkStorageXhtml(json.value);
  if (!verdict.ok) {
    sendV1Error(ctx, 400, xhtmlErrorText(verdict));
    return undefined;
  }
  const contentId = ctx.query.get('contentIdContext');
  const page = contentId ? ctx.store.visiblePage(contentId, ctx.user) : undefined;
  if (contentId && !page) {
    sendV1Error(ctx, 404, `No content found with id: ContentId{id=${contentId}}`);
    return undefined;
  }
  const spaceKey = ctx.query.get('spaceKeyContext') ?? undefined;
  const value =
    to === 'editor' ? json.value : renderView(json.value, to as 'view', { ctx, page, spaceKey });
  return {
    value,
    representation: to,
    embeddedContent: [],
    webresource: { _expandable: { uris: '' } },
    _links: { base: ctx.base, context: ctx.context },
    _expandable: { content: '', mediaToken: '' },
  };
}

const asyncResults = new Map<string, Record<string, unknown>>();

/** Registers user, space, search and conversion routes. Must come before `/content/:id`. */
export function registerV1Misc(router: Router): void {
  router
    .add('GET', '/user/current', currentUser)
    .add('GET', '/user/anonymous', (ctx) => sendJson(ctx.res, 200, anonymousJson(ctx)))
    .add('GET', '/space', listSpaces)
    .add('GET', '/space/:key', getSpace)
    .add('GET', '/content/search', searchContent)
    .add('POST', '/contentbody/convert/:to', (ctx, { to }) => {
      const result = convertBody(ctx, to!);
      if (result) sendJson(ctx.res, 200, result);
    })
    .add('POST', '/contentbody/convert/async/:to', (ctx, { to }) => {
      const result = convertBody(ctx, to!);
      if (!result) return;
      const asyncId = randomUUID();
      asyncResults.set(asyncId, {
        ...result,
        status: 'COMPLETED',
        error: null,
        renderTaskId: asyncId,
      });
      if (asyncResults.size > 200) asyncResults.delete(asyncResults.keys().next().value!);
      sendJson(ctx.res, 200, { asyncId });
    })
    .add('GET', '/contentbody/convert/async/:id', (ctx, { id }) => {
      const result = asyncResults.get(id!);
      if (!result) return sendV1Error(ctx, 404, `No conversion task with id ${id}`);
      sendJson(ctx.res, 200, result);
    });
}
