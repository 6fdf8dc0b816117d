import { z } from 'zod';

import type { EditRestriction } from './read-only-reason';
import type { ConfluenceTransport } from './transport';
import { unknownUserLabel } from './unknown-user';

const restrictionSchema = z.looseObject({
  restrictions: z
    .looseObject({
      user: z
        .looseObject({
          results: z.array(
            z.looseObject({
              displayName: z.string().nullish(),
              publicName: z.string().nullish(),
              accountId: z.string().nullish(),
              username: z.string().nullish(),
              userKey: z.string().nullish(),
            }),
          ),
        })
        .optional(),
      group: z.looseObject({ results: z.array(z.looseObject({ name: z.string() })) }).optional(),
    })
    .optional(),
});

/** More names than a notice can show; the restriction dialog in Confluence lists the rest. */
const LIMIT = 25;

/**
 * Who the page's edit restriction names: v1 `GET /content/{id}/restriction/byOperation/update`
 * (docs/confluence-api.md §1.5), served by Cloud (`apiPrefix` `wiki/`) and Data Center alike.
 */
export async function pageEditRestriction(
  http: ConfluenceTransport,
  apiPrefix: 'wiki/' | '',
  id: string,
): Promise<EditRestriction> {
  const answer = await http.request(
    'GET',
    `${apiPrefix}rest/api/content/${id}/restriction/byOperation/update`,
    {
      query: { expand: 'restrictions.user,restrictions.group', limit: LIMIT },
      schema: restrictionSchema,
    },
  );
  const users = answer.restrictions?.user?.results ?? [];
  return {
    people: users.map((user) => ({
      name:
        user.displayName ??
        user.publicName ??
        user.username ??
        unknownUserLabel(user.accountId ?? user.userKey ?? ''),
      ...(user.accountId ? { accountId: user.accountId } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.userKey ? { userKey: user.userKey } : {}),
    })),
    groups: (answer.restrictions?.group?.results ?? []).map((group) => group.name),
  };
}
