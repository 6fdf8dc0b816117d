import { z } from 'zod';

import { pageIdSchema } from './page-params';

/** Space keys as Confluence allows them (personal spaces start with `~`). */
export const spaceKeySchema = z.string().regex(/^[A-Za-z0-9~_-]{1,255}$/, 'Not a space key.');

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'A page needs a title.')
  .max(255, 'Titles are at most 255 characters.');

export const titleSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(2, 'Type at least two characters to search by title.')
    .max(255, 'Search text is at most 255 characters.'),
  spaceKey: spaceKeySchema.optional(),
  folders: z.enum(['1', '0']).optional(),
});

export const nodeKindSchema = z.enum(['page', 'folder']);

export const createPageBodySchema = z.object({
  spaceKey: spaceKeySchema,
  title: titleSchema,
  /** Null: at the top of the space. */
  parentId: pageIdSchema.nullable(),
});

export const movePageBodySchema = z.object({
  newParentId: pageIdSchema,
  newParentKind: nodeKindSchema.default('page'),
  baseVersion: z.number().int().positive(),
});
