import { RateLimiterMemory } from 'rate-limiter-flexible';

import type { FlagFile } from './flag-file';
import type { LimiterOptions, SharedStore } from './shared-store';

export interface MemoryStoreOptions {
  now?: () => number;
  /** Keeps the flags (signed-out sessions) in this file too, so a restart remembers them. */
  flagFile?: FlagFile;
}

/**
 * One instance only: counters and flags in this process, swept as they expire. With a flag file
 * the flags are also on disk (kind `file`); counters stay in memory either way: a restart
 * forgetting a throttle window costs little, forgetting a sign-out reopens a cookie.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const now = options.now ?? Date.now;
  const durable = options.flagFile;
  const counters = new Map<string, { count: number; expiresAt: number }>();
  const flags = new Map<string, number>();

  function sweep(at: number): void {
    for (const [key, entry] of counters) if (entry.expiresAt <= at) counters.delete(key);
    for (const [key, until] of flags) if (until <= at) flags.delete(key);
  }

  return {
    kind: durable ? 'file' : 'memory',
    async increment(key, ttlMs) {
      const at = now();
      sweep(at);
      const entry = counters.get(key) ?? { count: 0, expiresAt: at + ttlMs };
      entry.count += 1;
      counters.set(key, entry);
      return entry.count;
    },
    async setFlag(key, ttlMs) {
      const at = now();
      sweep(at);
      if (durable) return durable.set(key, at + ttlMs);
      flags.set(key, at + ttlMs);
    },
    async hasFlag(key) {
      if (durable) return durable.has(key);
      const until = flags.get(key);
      return until !== undefined && until > now();
    },
    async delete(key) {
      counters.delete(key);
      flags.delete(key);
      await durable?.delete(key);
    },
    limiter(options: LimiterOptions) {
      return new RateLimiterMemory(options);
    },
    async ping() {
      await durable?.ready();
    },
    async close() {
      counters.clear();
      flags.clear();
      await durable?.close();
    },
  };
}
