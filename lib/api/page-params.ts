import { z } from 'zod';

/** Page ids are digits only, checked before any URL is built (docs/security.md SSRF-5). */
export const pageIdSchema = z.string().regex(/^\d{1,20}$/, 'A page id is digits only.');

export const pageParamsSchema = z.object({ id: pageIdSchema });

export const savePageBodySchema = z.object({
  baseVersion: z.number().int().positive(),
  title: z
    .string()
    .trim()
    .min(1, 'A page needs a title.')
    .max(255, 'Titles are at most 255 characters.'),
  body: z.string().max(5 * 1024 * 1024, 'Confluence accepts at most 5 MB per page.'),
  /** The parent the page had when it was loaded (null at the top of a space). */
  parentId: pageIdSchema.nullable(),
  message: z.string().max(500).optional(),
  minorEdit: z.boolean().optional(),
});

export type SavePageBody = z.infer<typeof savePageBodySchema>;
