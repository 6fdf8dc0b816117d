import { z } from 'zod';

/*
 * Wire shapes, checked on arrival: a 2xx that does not fit (an SSO login page, a proxy's HTML)
 * becomes an `unexpected_response` error instead of a crash deeper down. Only the fields
 * Pagewright reads are required; everything else may come and go between Confluence versions.
 */

const v1User = z.looseObject({
  type: z.string().optional(),
  displayName: z.string().optional(),
  publicName: z.string().optional(),
  username: z.string().optional(),
  accountId: z.string().optional(),
});

export const v1CurrentUserSchema = v1User;

const v1Version = z.looseObject({
  number: z.number().int(),
  when: z.string().optional(),
  message: z.string().optional().nullable(),
  minorEdit: z.boolean().optional(),
  by: v1User.optional(),
});

export const v1ContentSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  title: z.string(),
  space: z
    .looseObject({ key: z.string(), id: z.union([z.number(), z.string()]).optional() })
    .optional(),
  version: v1Version.optional(),
  ancestors: z.array(z.looseObject({ id: z.string(), title: z.string() })).optional(),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  _links: z.looseObject({ webui: z.string().optional(), base: z.string().optional() }).optional(),
});

export const v1ContentArraySchema = z.looseObject({
  results: z.array(v1ContentSchema),
});

export const v1VersionListSchema = z.looseObject({
  results: z.array(v1Version),
});

export const v2PageSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  title: z.string(),
  spaceId: z.string(),
  parentId: z.string().nullable().optional(),
  version: z.looseObject({
    number: z.number().int(),
    createdAt: z.string().optional(),
    message: z.string().optional().nullable(),
    minorEdit: z.boolean().optional(),
    authorId: z.string().optional(),
  }),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  _links: z.looseObject({ webui: z.string().optional(), base: z.string().optional() }).optional(),
});

export const v2PageListSchema = z.looseObject({ results: z.array(v2PageSchema) });

export const v2AncestorsSchema = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), type: z.string().optional() })),
});

export const v2SpaceSchema = z.looseObject({ id: z.string(), key: z.string() });
export const v2SpaceListSchema = z.looseObject({ results: z.array(v2SpaceSchema) });

export const v2VersionListSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      number: z.number().int(),
      createdAt: z.string().optional(),
      message: z.string().optional().nullable(),
      minorEdit: z.boolean().optional(),
      authorId: z.string().optional(),
    }),
  ),
});

export type V1Content = z.infer<typeof v1ContentSchema>;
export type V2Page = z.infer<typeof v2PageSchema>;

export const v1AttachmentListSchema = z.looseObject({
  results: z.array(
    z.looseObject({ title: z.string(), _links: z.looseObject({ download: z.string() }) }),
  ),
});

export const v2AttachmentListSchema = z.looseObject({
  results: z.array(z.looseObject({ title: z.string(), downloadLink: z.string() })),
});

export const convertedBodySchema = z.looseObject({ value: z.string() });
export const asyncConvertStartSchema = z.looseObject({ asyncId: z.string() });
export const asyncConvertResultSchema = z.looseObject({
  status: z.string(),
  value: z.string().optional(),
  error: z.unknown().optional(),
});
