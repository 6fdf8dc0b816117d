import { z } from 'zod';

import type { ConfluenceTransport } from './transport';

/** What a person is called when Confluence cannot say (deleted account, hidden profile). */
export function unknownUserLabel(id: string): string {
  return `Unknown user (${id.slice(0, 8)}…)`;
}

const v2UsersSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      accountId: z.string().optional(),
      displayName: z.string().optional(),
      publicName: z.string().optional(),
    }),
  ),
});

const v1UserSchema = z.looseObject({
  displayName: z.string().optional(),
  username: z.string().optional(),
});

/** Confluence's limit on one bulk lookup (docs/confluence-api.md: `users-bulk` takes 1–250 ids). */
const BULK_LIMIT = 250;

/**
 * Display names for the people a page names. Cloud identifies people by account id only, so
 * every "by" and every mention is looked up, in bulk, through v2 `POST /users-bulk`. Names are
 * remembered for the life of the client; a failed lookup is not fatal: the person is then shown
 * with `unknownUserLabel`.
 */
export class CloudUserDirectory {
  private readonly names = new Map<string, string>();

  constructor(private readonly http: ConfluenceTransport) {}

  async displayNames(accountIds: readonly string[]): Promise<Record<string, string>> {
    const wanted = [...new Set(accountIds.filter(Boolean))];
    const missing = wanted.filter((id) => !this.names.has(id));
    for (let start = 0; start < missing.length; start += BULK_LIMIT) {
      const chunk = missing.slice(start, start + BULK_LIMIT);
      try {
        const { results } = await this.http.request('POST', 'wiki/api/v2/users-bulk', {
          json: { accountIds: chunk },
          schema: v2UsersSchema,
        });
        for (const user of results) {
          const name = user.displayName ?? user.publicName;
          if (user.accountId && name) this.names.set(user.accountId, name);
        }
      } catch {
        // Names are a courtesy: the page still opens, with the fallback label.
      }
    }
    return Object.fromEntries(wanted.map((id) => [id, this.names.get(id) ?? unknownUserLabel(id)]));
  }

  async displayName(accountId: string): Promise<string> {
    if (!accountId) return '';
    return (await this.displayNames([accountId]))[accountId]!;
  }
}

/**
 * Data Center names its authors itself; only mentions (`ri:userkey`, `ri:username`) need a
 * lookup, one `GET /rest/api/user?key=` (or `?username=`) per person, remembered.
 */
export class DataCenterUserDirectory {
  private readonly names = new Map<string, string>();

  constructor(private readonly http: ConfluenceTransport) {}

  async displayNames(ids: readonly string[]): Promise<Record<string, string>> {
    const wanted = [...new Set(ids.filter(Boolean))];
    await Promise.all(
      wanted
        .filter((id) => !this.names.has(id))
        .map(async (id) => {
          // User keys are 32 hex digits; anything else is a username.
          const query = /^[0-9a-f]{32}$/i.test(id) ? { key: id } : { username: id };
          try {
            const user = await this.http.request('GET', 'rest/api/user', {
              query,
              schema: v1UserSchema,
            });
            const name = user.displayName ?? user.username;
            if (name) this.names.set(id, name);
          } catch {
            // See CloudUserDirectory: the fallback label stands in.
          }
        }),
    );
    return Object.fromEntries(wanted.map((id) => [id, this.names.get(id) ?? unknownUserLabel(id)]));
  }
}
