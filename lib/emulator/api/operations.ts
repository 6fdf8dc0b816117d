import type { RequestContext } from '../http/context';
import { sendV2Error } from '../http/errors';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import type { PageRecord } from '../store/types';

/**
 * What the requesting user may do with a page, as Confluence lists it: `read` for everyone who
 * sees the page; `update` and `delete` only with edit rights (Robin Reader has none; "Locked
 * policy" lets only Alex edit).
 */
export function pageOperations(
  ctx: RequestContext,
  page: PageRecord,
): Array<{ operation: string; targetType: string }> {
  const operations = ['read'];
  if (ctx.store.canEdit(page, ctx.user)) operations.push('update', 'delete');
  return operations.map((operation) => ({ operation, targetType: 'page' }));
}

/** v2 GET /pages/{id}/operations → `PermittedOperationsResponse`. */
function getOperations(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = ctx.store.visiblePage(id!, ctx.user);
  if (!page) return sendV2Error(ctx, 404, 'NOT_FOUND', 'Not Found');
  sendJson(ctx.res, 200, { operations: pageOperations(ctx, page) });
}

export function registerV2Operations(router: Router): void {
  router.add('GET', '/pages/:id/operations', getOperations);
}
