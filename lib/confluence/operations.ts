import { z } from 'zod';

import type { ConfluenceTransport } from './transport';

/** What the signed-in user may do with a page, asked for when it is opened. */
export interface PagePermissions {
  canEdit: boolean;
  /** Why editing is not allowed, in words for the user; null when it is. */
  reason: string | null;
}

const operationListSchema = z.array(
  z.looseObject({ operation: z.string(), targetType: z.string().optional() }),
);

const v2OperationsSchema = z.looseObject({ operations: operationListSchema });
const v1ContentOperationsSchema = z.looseObject({ operations: operationListSchema.optional() });

export const READ_ONLY_REASON =
  'Confluence allows your account to read this page but not to edit it (a page restriction or your space permissions). You can still edit locally: drafts, preview, diff and Scratchpad work; saving does not.';

/** Confluence lists `update` among a page's operations exactly when the user may edit it. */
export function permissionsFrom(operations: ReadonlyArray<{ operation: string }>): PagePermissions {
  const canEdit = operations.some((entry) => entry.operation === 'update');
  return { canEdit, reason: canEdit ? null : READ_ONLY_REASON };
}

/** Cloud: v2 `GET /pages/{id}/operations` (docs/confluence-api.md §11). */
export async function cloudPagePermissions(
  http: ConfluenceTransport,
  id: string,
): Promise<PagePermissions> {
  const { operations } = await http.request('GET', `wiki/api/v2/pages/${id}/operations`, {
    schema: v2OperationsSchema,
  });
  return permissionsFrom(operations);
}

/** Data Center: v1 `GET /content/{id}?expand=operations`. */
export async function dataCenterPagePermissions(
  http: ConfluenceTransport,
  id: string,
): Promise<PagePermissions> {
  const content = await http.request('GET', `rest/api/content/${id}`, {
    query: { expand: 'operations' },
    schema: v1ContentOperationsSchema,
  });
  return permissionsFrom(content.operations ?? []);
}
