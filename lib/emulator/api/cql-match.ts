import type { RequestContext } from '../http/context';
import { treeAncestors } from '../store/folders';
import type { FolderRecord, PageRecord } from '../store/types';
import { CqlError, evaluateCql, textMatches, type CqlClause, type CqlExpression } from './cql';

/**
 * The values a page or Cloud folder has for a CQL field (several for `ancestor`). Cloud's
 * `parent` and `ancestor` include folders; Data Center sees through them to the nearest page.
 */
function fieldValues(
  ctx: RequestContext,
  item: { type: 'page'; page: PageRecord } | { type: 'folder'; folder: FolderRecord },
  field: string,
): string[] {
  const cloud = ctx.flavour === 'cloud';
  const [id, spaceKey, title, parentId] =
    item.type === 'page'
      ? [item.page.id, item.page.spaceKey, item.page.current.title, item.page.current.parentId]
      : [item.folder.id, item.folder.spaceKey, item.folder.title, item.folder.parentId];
  switch (field) {
    case 'space':
    case 'space.key':
      return [spaceKey];
    case 'title':
      return [title];
    case 'type':
      return [item.type];
    case 'status':
      return ['current'];
    case 'id':
    case 'content':
      return [id];
    case 'parent':
      return [(cloud ? parentId : ctx.store.pageParentId(parentId)) ?? ''];
    case 'ancestor':
      return cloud || item.type === 'folder'
        ? treeAncestors(ctx.store, item).map((ancestor) => ancestor.id)
        : ctx.store.ancestors(item.page).map((ancestor) => ancestor.id);
    default:
      throw new CqlError(`Could not parse cql : unsupported field '${field}'`);
  }
}

function clauseHolds(
  ctx: RequestContext,
  item: Parameters<typeof fieldValues>[1],
  clause: CqlClause,
): boolean {
  const lower = fieldValues(ctx, item, clause.field).map((value) => value.toLowerCase());
  const wanted = clause.values.map((value) => value.toLowerCase());
  switch (clause.op) {
    case '=':
    case 'in':
      return wanted.some((value) => lower.includes(value));
    case '!=':
      return !wanted.some((value) => lower.includes(value));
    case '~':
      return wanted.some((value) => lower.some((candidate) => textMatches(candidate, value)));
  }
}

/** The pages the user may see that satisfy the CQL expression. */
export function pagesMatching(ctx: RequestContext, expression: CqlExpression): PageRecord[] {
  return ctx.store
    .visiblePages(ctx.user)
    .filter((page) =>
      evaluateCql(expression, (clause) => clauseHolds(ctx, { type: 'page', page }, clause)),
    );
}

/** The Cloud folders that satisfy the CQL expression (none on Data Center, which has no folders). */
export function foldersMatching(ctx: RequestContext, expression: CqlExpression): FolderRecord[] {
  if (ctx.flavour !== 'cloud') return [];
  return ctx.store
    .folders()
    .filter((folder) =>
      evaluateCql(expression, (clause) => clauseHolds(ctx, { type: 'folder', folder }, clause)),
    );
}
