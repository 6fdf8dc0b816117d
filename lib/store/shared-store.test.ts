import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '@/lib/testing/free-port';

import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import { StoreUnavailableError, type SharedStore } from './shared-store';
import { redisAvailable, startTestRedis, type TestRedis } from './testing/redis-server';

/** The same contract for both homes of shared state; Redis is a real redis-server. */
const withRedis = redisAvailable();
let redis: TestRedis | undefined;
const opened: SharedStore[] = [];

beforeAll(async () => {
  if (withRedis) redis = await startTestRedis();
}, 20_000);

afterAll(async () => {
  for (const store of opened) await store.close();
  await redis?.stop();
});

function open(kind: 'memory' | 'redis'): SharedStore {
  const store = kind === 'memory' ? createMemoryStore() : createRedisStore(redis!.url);
  opened.push(store);
  return store;
}

const unique = () => `test:${Math.random().toString(36).slice(2)}`;

describe.each([
  { kind: 'memory' as const, run: true },
  { kind: 'redis' as const, run: withRedis },
])('$kind store', ({ kind, run }) => {
  it.runIf(run)('counts within a window that starts at the first increment', async () => {
    const store = open(kind);
    const key = unique();
    expect(await store.increment(key, 300)).toBe(1);
    expect(await store.increment(key, 300)).toBe(2);
    expect(await store.increment(key, 300)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.increment(key, 300)).toBe(1);
  });

  it.runIf(run)('remembers a flag until it expires, and forgets it when deleted', async () => {
    const store = open(kind);
    const [short, deleted] = [unique(), unique()];
    expect(await store.hasFlag(short)).toBe(false);
    await store.setFlag(short, 300);
    await store.setFlag(deleted, 60_000);
    expect(await store.hasFlag(short)).toBe(true);
    await store.delete(deleted);
    expect(await store.hasFlag(deleted)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.hasFlag(short)).toBe(false);
  });

  it.runIf(run)('limits points per duration', async () => {
    const limiter = open(kind).limiter({ keyPrefix: unique(), points: 2, duration: 60 });
    await limiter.consume('ip');
    await limiter.consume('ip');
    await expect(limiter.consume('ip')).rejects.toMatchObject({ remainingPoints: 0 });
  });
});

describe.runIf(withRedis)('redis store across instances', () => {
  it('two stores on one Redis see each other’s counters and flags', async () => {
    const [a, b] = [open('redis'), open('redis')];
    const key = unique();
    await a.increment(key, 60_000);
    expect(await b.increment(key, 60_000)).toBe(2);
    await a.setFlag(`${key}:flag`, 60_000);
    expect(await b.hasFlag(`${key}:flag`)).toBe(true);
    await b.ping();
  });
});

describe('redis store without a Redis', () => {
  it('fails fast with StoreUnavailableError, never hangs', { timeout: 15_000 }, async () => {
    const store = createRedisStore(`redis://127.0.0.1:${await freePort()}`);
    try {
      const started = Date.now();
      await expect(store.hasFlag('x')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await store.close();
    }
  });

  it.runIf(withRedis)('recovers by itself once Redis is back', { timeout: 20_000 }, async () => {
    const port = await freePort();
    const store = createRedisStore(`redis://127.0.0.1:${port}`);
    let late: TestRedis | undefined;
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      late = await startTestRedis(port);
      await expect
        .poll(
          () =>
            store.ping().then(
              () => 'ok',
              () => 'down',
            ),
          { timeout: 10_000 },
        )
        .toBe('ok');
      await store.setFlag('back', 60_000);
      expect(await store.hasFlag('back')).toBe(true);
    } finally {
      await store.close();
      await late?.stop();
    }
  });
});
