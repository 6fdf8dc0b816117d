import { z } from 'zod';

import { ConfluenceError } from './errors';
import { requestNameStore, type NameStore } from './name-cache';
import type { ConfluenceTransport } from './transport';
import { unknownUserLabel } from './unknown-user';

export { unknownUserLabel };

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

/** Each id once, empty ids dropped, and those `names` does not hold yet. */
function idsToAsk(
  ids: readonly string[],
  names: NameStore,
): { wanted: string[]; missing: string[] } {
  const wanted = [...new Set(ids.filter(Boolean))];
  return { wanted, missing: wanted.filter((id) => names.get(id) === undefined) };
}

function labelled(wanted: readonly string[], names: NameStore): Record<string, string> {
  return Object.fromEntries(wanted.map((id) => [id, names.get(id) ?? unknownUserLabel(id)]));
}

/**
 * Display names for the people a page names. Cloud identifies people by account id only, so
 * every "by" and every mention is looked up, in bulk, through v2 `POST /users-bulk`. Names are
 * remembered in `names` (the session's cache on the server, see name-cache.ts), people Confluence
 * does not know as well. A failed lookup is not fatal and not remembered: the person is shown with
 * `unknownUserLabel` and asked for again next time.
 */
export class CloudUserDirectory {
  constructor(
    private readonly http: ConfluenceTransport,
    private readonly names: NameStore = requestNameStore(),
  ) {}

  async displayNames(accountIds: readonly string[]): Promise<Record<string, string>> {
    const { wanted, missing } = idsToAsk(accountIds, this.names);
    for (let start = 0; start < missing.length; start += BULK_LIMIT) {
      const chunk = missing.slice(start, start + BULK_LIMIT);
      try {
        const { results } = await this.http.request('POST', 'wiki/api/v2/users-bulk', {
          json: { accountIds: chunk },
          schema: v2UsersSchema,
        });
        const found = new Map<string, string>();
        for (const user of results) {
          const name = user.displayName ?? user.publicName;
          if (user.accountId && name) found.set(user.accountId, name);
        }
        // Cloud leaves unknown (deleted, hidden) accounts out of the answer.
        for (const id of chunk) this.names.set(id, found.get(id) ?? null);
      } catch {
        // Names are a courtesy: the page still opens, with the fallback label.
      }
    }
    return labelled(wanted, this.names);
  }

  async displayName(accountId: string): Promise<string> {
    if (!accountId) return '';
    return (await this.displayNames([accountId]))[accountId]!;
  }
}

/**
 * Data Center names its authors itself; only mentions (`ri:userkey`, `ri:username`) need a
 * lookup, one `GET /rest/api/user?key=` (or `?username=`) per person, remembered in `names` as on
 * Cloud (a 404 as "nobody", other failures not at all).
 */
export class DataCenterUserDirectory {
  constructor(
    private readonly http: ConfluenceTransport,
    private readonly names: NameStore = requestNameStore(),
  ) {}

  async displayNames(ids: readonly string[]): Promise<Record<string, string>> {
    const { wanted, missing } = idsToAsk(ids, this.names);
    await Promise.all(
      missing.map(async (id) => {
        // User keys are 32 hex digits; anything else is a username.
        const query = /^[0-9a-f]{32}$/i.test(id) ? { key: id } : { username: id };
        try {
          const user = await this.http.request('GET', 'rest/api/user', {
            query,
            schema: v1UserSchema,
          });
          this.names.set(id, user.displayName ?? user.username ?? null);
        } catch (error) {
          // See CloudUserDirectory: the fallback label stands in.
          if (error instanceof ConfluenceError && error.kind === 'not_found') {
            this.names.set(id, null);
          }
        }
      }),
    );
    return labelled(wanted, this.names);
  }
}
