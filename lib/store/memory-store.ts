import { RateLimiterMemory } from 'rate-limiter-flexible';

import type { LimiterOptions, SharedStore } from './shared-store';

/** One instance only: counters and flags in this process, swept as they expire. */
export function createMemoryStore(now: () => number = Date.now): SharedStore {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  const flags = new Map<string, number>();

  function sweep(at: number): void {
    for (const [key, entry] of counters) if (entry.expiresAt <= at) counters.delete(key);
    for (const [key, until] of flags) if (until <= at) flags.delete(key);
  }

  return {
    kind: 'memory',
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
      flags.set(key, at + ttlMs);
    },
    async hasFlag(key) {
      const until = flags.get(key);
      return until !== undefined && until > now();
    },
    async delete(key) {
      counters.delete(key);
      flags.delete(key);
    },
    limiter(options: LimiterOptions) {
      return new RateLimiterMemory(options);
    },
    async ping() {},
    async close() {
      counters.clear();
      flags.clear();
    },
  };
}
