/**
 * Display names remembered between requests. Each signed-in session sees only its own entries
 * (the scope is the session id and its site), so one person's lookups never answer another's,
 * and a name never crosses from one Confluence site to another.
 */

/** A person's display name, or `null` when Confluence knows nobody by that id. */
export type CachedName = string | null;

/** The names one session has looked up: undefined means "not asked yet (or forgotten)". */
export interface NameStore {
  get(id: string): CachedName | undefined;
  set(id: string, name: CachedName): void;
}

export interface NameCacheOptions {
  /** Entries kept over all sessions; the least recently used go first. */
  maxEntries: number;
  /** How long a name is trusted: people rename themselves, accounts are deleted. */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  name: CachedName;
  expiresAt: number;
}

/** A bounded least-recently-used map with a time to live, handed out per scope. */
export class DisplayNameCache {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest use first.
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: NameCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The names of one scope (a session on a site). */
  scope(scope: string): NameStore {
    const key = (id: string) => JSON.stringify([scope, id]);
    return {
      get: (id) => this.read(key(id)),
      set: (id, name) => this.write(key(id), name),
    };
  }

  private read(key: string): CachedName | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.name;
  }

  private write(key: string, name: CachedName): void {
    this.entries.delete(key);
    this.entries.set(key, { name, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}

/** A store for one client only (tests, sign-in): forgotten with it. */
export function requestNameStore(): NameStore {
  const names = new Map<string, CachedName>();
  return { get: (id) => names.get(id), set: (id, name) => void names.set(id, name) };
}

/**
 * The server's cache: 20 000 names over all sessions (a few MB at most), each trusted for
 * 15 minutes, so a rename shows within one editing session. Kept on globalThis so every route
 * bundle that imports this module shares the one cache (as lib/store does).
 */
const KEY = Symbol.for('pagewright.sessionDisplayNames');
type Holder = { [KEY]?: DisplayNameCache };

function sessionNames(): DisplayNameCache {
  return ((globalThis as Holder)[KEY] ??= new DisplayNameCache({
    maxEntries: 20_000,
    ttlMs: 15 * 60 * 1000,
  }));
}

/** The names of the signed-in session `sid` on the site `siteBaseUrl`. */
export function sessionNameStore(sid: string, siteBaseUrl: string): NameStore {
  return sessionNames().scope(`${sid} ${siteBaseUrl}`);
}
