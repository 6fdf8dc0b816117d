import { z } from 'zod';

import { ConfluenceError } from './errors';
import { requestNameStore, type CachedName, type NameStore } from './name-cache';
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

/**
 * One lookup's bookkeeping: each wanted id once (empty ids dropped), what `names` already holds,
 * and what is learnt now, kept here too so the answer does not depend on the shared cache
 * keeping an entry until the end of the request.
 */
class Lookup {
  readonly wanted: string[];
  private readonly known = new Map<string, CachedName>();

  constructor(
    ids: readonly string[],
    private readonly names: NameStore,
  ) {
    this.wanted = [...new Set(ids.filter(Boolean))];
    for (const id of this.wanted) {
      const cached = names.get(id);
      if (cached !== undefined) this.known.set(id, cached);
    }
  }

  get missing(): string[] {
    return this.wanted.filter((id) => !this.known.has(id));
  }

  learn(id: string, name: CachedName): void {
    this.known.set(id, name);
    this.names.set(id, name);
  }

  labelled(): Record<string, string> {
    return Object.fromEntries(
      this.wanted.map((id) => [id, this.known.get(id) ?? unknownUserLabel(id)]),
    );
  }
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
    const lookup = new Lookup(accountIds, this.names);
    const missing = lookup.missing;
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
        for (const id of chunk) lookup.learn(id, found.get(id) ?? null);
      } catch {
        // Names are a courtesy: the page still opens, with the fallback label.
      }
    }
    return lookup.labelled();
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
    const lookup = new Lookup(ids, this.names);
    await Promise.all(
      lookup.missing.map(async (id) => {
        // User keys are 32 hex digits; anything else is a username.
        const query = /^[0-9a-f]{32}$/i.test(id) ? { key: id } : { username: id };
        try {
          const user = await this.http.request('GET', 'rest/api/user', {
            query,
            schema: v1UserSchema,
          });
          lookup.learn(id, user.displayName ?? user.username ?? null);
        } catch (error) {
          // See CloudUserDirectory: the fallback label stands in.
          if (error instanceof ConfluenceError && error.kind === 'not_found') {
            lookup.learn(id, null);
          }
        }
      }),
    );
    return lookup.labelled();
  }
}
