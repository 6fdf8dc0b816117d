import { join } from 'node:path';

import { dataDirFromEnv, REVOKED_SESSIONS_FILE } from './data-dir';
import { openFlagFile } from './flag-file';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { SharedStore } from './shared-store';

export { StoreUnavailableError, type SharedStore } from './shared-store';

/**
 * The process's store: Redis when REDIS_URL is set (several instances agree on throttling and
 * sign-outs), else memory with the signed-out list in a file of the data folder. Kept on globalThis so every route bundle that imports this module
 * sees the same counters and the same connection.
 */
const KEY = Symbol.for('pagewright.sharedStore');
type Holder = { [KEY]?: SharedStore };

export function storeFromEnv(env: Readonly<Record<string, string | undefined>>): SharedStore {
  const url = env.REDIS_URL?.trim();
  if (url) return createRedisStore(url);
  const flagFile = openFlagFile(join(dataDirFromEnv(env), REVOKED_SESSIONS_FILE));
  return createMemoryStore({ flagFile });
}

export function sharedStore(): SharedStore {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= storeFromEnv(process.env));
}

/** Tests: replace the process's store (and close the old one). */
export async function replaceSharedStore(store: SharedStore): Promise<void> {
  const holder = globalThis as Holder;
  const previous = holder[KEY];
  holder[KEY] = store;
  if (previous && previous !== store) await previous.close();
}
