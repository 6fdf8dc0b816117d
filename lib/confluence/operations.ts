import { z } from 'zod';

import { pageEditRestriction } from './edit-restriction';
import {
  explainReadOnly,
  type EditRestriction,
  type ReadOnlyCause,
  type Viewer,
} from './read-only-reason';
import type { ConfluenceTransport } from './transport';

/** What the signed-in user may do with a page, asked for when it is opened. */
export interface PagePermissions {
  canEdit: boolean;
  /** Why editing is not allowed, in words for the user; null when it is. */
  reason: string | null;
  /** Which of the causes Pagewright tells apart; null when editing is allowed. */
  cause: ReadOnlyCause | null;
  /** What the user can do about it; null when editing is allowed. */
  advice: string | null;
  /** Who may edit the page, when an edit restriction is what stops the user. */
  editors: EditRestriction | null;
}

const operationListSchema = z.array(
  z.looseObject({ operation: z.string(), targetType: z.string().optional() }),
);

const v2OperationsSchema = z.looseObject({ operations: operationListSchema });
const v1ContentOperationsSchema = z.looseObject({ operations: operationListSchema.optional() });

const EDITABLE: PagePermissions = {
  canEdit: true,
  reason: null,
  cause: null,
  advice: null,
  editors: null,
};

/** Confluence lists `update` among a page's operations exactly when the user may edit it. */
export function mayEdit(operations: ReadonlyArray<{ operation: string }>): boolean {
  return operations.some((entry) => entry.operation === 'update');
}

/**
 * The answer for a page Confluence does not let the user edit: its edit restriction says whether
 * that is the page or the space. Reading the restriction is a courtesy: when it fails, the user
 * still learns that the page is read-only, without the cause.
 */
async function readOnlyPermissions(
  http: ConfluenceTransport,
  apiPrefix: 'wiki/' | '',
  id: string,
  viewer: Viewer,
): Promise<PagePermissions> {
  const restriction = await pageEditRestriction(http, apiPrefix, id).catch(() => null);
  return { canEdit: false, ...explainReadOnly(restriction, viewer) };
}

/** Cloud: v2 `GET /pages/{id}/operations` (docs/confluence-api.md §4), then the restriction. */
export async function cloudPagePermissions(
  http: ConfluenceTransport,
  id: string,
  viewer: Viewer = {},
): Promise<PagePermissions> {
  const { operations } = await http.request('GET', `wiki/api/v2/pages/${id}/operations`, {
    schema: v2OperationsSchema,
  });
  return mayEdit(operations) ? EDITABLE : readOnlyPermissions(http, 'wiki/', id, viewer);
}

/** Data Center: v1 `GET /content/{id}?expand=operations`, then the restriction. */
export async function dataCenterPagePermissions(
  http: ConfluenceTransport,
  id: string,
  viewer: Viewer = {},
): Promise<PagePermissions> {
  const content = await http.request('GET', `rest/api/content/${id}`, {
    query: { expand: 'operations' },
    schema: v1ContentOperationsSchema,
  });
  return mayEdit(content.operations ?? []) ? EDITABLE : readOnlyPermissions(http, '', id, viewer);
}
