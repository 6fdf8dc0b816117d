import { V1_ROOT, type RequestContext } from '../http/context';
import { notFoundMessage, sendV1Error } from '../http/errors';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { userJson } from '../render/user-json';
import type { PageRecord } from '../store/types';

/** The operations a page restriction can limit (v1 `operationKey`). */
const RESTRICTABLE = ['read', 'update'] as const;
type RestrictableOperation = (typeof RESTRICTABLE)[number];

/** Confluence's page size for the users and groups of a restriction. */
const DEFAULT_LIMIT = 100;

/** The usernames a page restricts `operation` to; empty when it is not restricted. */
function restrictedTo(page: PageRecord, operation: RestrictableOperation): string[] {
  return (operation === 'read' ? page.viewers : page.editors) ?? [];
}

/**
 * A v1 `ContentRestriction` (docs/confluence-api.md): who a page's restriction on `operation`
 * lets through, users expanded (the emulator has no groups, so that list is always empty).
 */
function restrictionJson(
  ctx: RequestContext,
  page: PageRecord,
  operation: RestrictableOperation,
): Record<string, unknown> {
  const start = Math.max(0, Number(ctx.query.get('start')) || 0);
  const limitParam = ctx.query.has('limit') ? Number(ctx.query.get('limit')) : NaN;
  const limit = Number.isInteger(limitParam) && limitParam >= 0 ? limitParam : DEFAULT_LIMIT;
  const users = restrictedTo(page, operation)
    .map((username) => ctx.store.users().find((user) => user.username === username))
    .filter((user) => user !== undefined);
  const shown = users.slice(start, start + limit);
  const self = `${ctx.base}${V1_ROOT}/content/${page.id}/restriction/byOperation/${operation}`;
  return {
    operation,
    restrictions: {
      user: {
        results: shown.map((user) => userJson(ctx, user)),
        start,
        limit,
        size: shown.length,
        _links: { self: `${self}/user` },
      },
      group: { results: [], start, limit, size: 0 },
    },
    _expandable: { content: `${V1_ROOT}/content/${page.id}` },
    _links: { self, base: ctx.base, context: ctx.context },
  };
}

function visibleOr404(ctx: RequestContext, id: string): PageRecord | undefined {
  const page = ctx.store.visiblePage(id, ctx.user);
  if (!page) sendV1Error(ctx, 404, notFoundMessage(id));
  return page;
}

/** GET /content/{id}/restriction/byOperation/{operationKey} → `ContentRestriction`. */
function byOperation(ctx: RequestContext, { id, operation }: Record<string, string>): void {
  if (!RESTRICTABLE.includes(operation as RestrictableOperation)) {
    return sendV1Error(
      ctx,
      400,
      `Operation key must be one of ${RESTRICTABLE.join(', ')}, not "${operation}"`,
    );
  }
  const page = visibleOr404(ctx, id!);
  if (page) sendJson(ctx.res, 200, restrictionJson(ctx, page, operation as RestrictableOperation));
}

/** GET /content/{id}/restriction/byOperation → one `ContentRestriction` per operation, by key. */
function allOperations(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = visibleOr404(ctx, id!);
  if (!page) return;
  sendJson(
    ctx.res,
    200,
    Object.fromEntries(RESTRICTABLE.map((op) => [op, restrictionJson(ctx, page, op)])),
  );
}

/** v1 page restrictions (Cloud and Data Center alike; Cloud v2 has no equivalent). */
export function registerV1Restrictions(router: Router): void {
  router
    .add('GET', '/content/:id/restriction/byOperation', allOperations)
    .add('GET', '/content/:id/restriction/byOperation/:operation', byOperation);
}
