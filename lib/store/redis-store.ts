import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

import { StoreUnavailableError, type LimiterOptions, type SharedStore } from './shared-store';

/** How long one Redis command may take before the caller is told the store is unavailable. */
const COMMAND_TIMEOUT_MS = 2_000;
const PREFIX = 'pagewright:';

/**
 * Shared by every instance pointed at the same Redis. A command that cannot be answered fails
 * within about two seconds with {@link StoreUnavailableError}; it never waits forever for a
 * reconnect, and the client keeps reconnecting in the background.
 */
export function createRedisStore(url: string): SharedStore {
  const client = new Redis(url, {
    keyPrefix: PREFIX,
    connectTimeout: COMMAND_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect; callers see failures as errors.
  client.on('error', () => {});

  async function run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreUnavailableError(
        `Redis did not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    kind: 'redis',
    increment(key, ttlMs) {
      return run(async () => {
        // SET … NX creates the counter with its expiry once: the window is fixed, not sliding.
        const result = await client.multi().set(key, '0', 'PX', ttlMs, 'NX').incr(key).exec();
        const [error, count] = result?.[1] ?? [new Error('no reply'), 0];
        if (error) throw error;
        return Number(count);
      });
    },
    setFlag(key, ttlMs) {
      return run(async () => {
        await client.set(key, '1', 'PX', ttlMs);
      });
    },
    hasFlag(key) {
      return run(async () => (await client.exists(key)) === 1);
    },
    delete(key) {
      return run(async () => {
        await client.del(key);
      });
    },
    limiter(options: LimiterOptions) {
      // rate-limiter-flexible prefixes its own keys; the client's keyPrefix namespaces them too.
      // Commands queue while the client (re)connects and fail after commandTimeout, as above.
      return new RateLimiterRedis({ ...options, storeClient: client });
    },
    ping() {
      return run(async () => {
        await client.ping();
      });
    },
    async close() {
      client.disconnect();
    },
  };
}
