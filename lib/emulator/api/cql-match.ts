import type { RequestContext } from '../http/context';
import type { PageRecord } from '../store/types';
import { CqlError, evaluateCql, textMatches, type CqlClause, type CqlExpression } from './cql';

/** The values a page has for a CQL field (several for `ancestor`). */
function fieldValues(ctx: RequestContext, page: PageRecord, field: string): string[] {
  switch (field) {
    case 'space':
    case 'space.key':
      return [page.spaceKey];
    case 'title':
      return [page.current.title];
    case 'type':
      return ['page'];
    case 'status':
      return ['current'];
    case 'id':
    case 'content':
      return [page.id];
    case 'parent':
      return [page.current.parentId ?? ''];
    case 'ancestor':
      return ctx.store.ancestors(page).map((ancestor) => ancestor.id);
    default:
      throw new CqlError(`Could not parse cql : unsupported field '${field}'`);
  }
}

function clauseHolds(ctx: RequestContext, page: PageRecord, clause: CqlClause): boolean {
  const lower = fieldValues(ctx, page, clause.field).map((item) => item.toLowerCase());
  const wanted = clause.values.map((item) => item.toLowerCase());
  switch (clause.op) {
    case '=':
    case 'in':
      return wanted.some((item) => lower.includes(item));
    case '!=':
      return !wanted.some((item) => lower.includes(item));
    case '~':
      return wanted.some((item) => lower.some((candidate) => textMatches(candidate, item)));
  }
}

/** The pages the user may see that satisfy the CQL expression. */
export function pagesMatching(ctx: RequestContext, expression: CqlExpression): PageRecord[] {
  return ctx.store
    .visiblePages(ctx.user)
    .filter((page) => evaluateCql(expression, (clause) => clauseHolds(ctx, page, clause)));
}
