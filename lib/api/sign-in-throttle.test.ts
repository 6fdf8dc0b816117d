import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '@/lib/dev/free-port';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { SharedStore } from '@/lib/store/shared-store';
import { redisAvailable, startTestRedis, type TestRedis } from '@/lib/store/testing/redis-server';

import { beforeSignIn, clientIp, signInFailed, signInSucceeded } from './sign-in-throttle';

const SITE = 'https://wiki.example';
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

function redisStore(): SharedStore {
  const store = createRedisStore(redis!.url);
  opened.push(store);
  return store;
}

async function codeOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'allowed';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

/** Five failures, alternating between two instances (stores), as round robin would spread them. */
async function failFiveTimes(stores: [SharedStore, SharedStore], user: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const store = stores[attempt % 2]!;
    await beforeSignIn('10.0.0.1', SITE, user, store);
    await signInFailed('10.0.0.1', SITE, user, store);
  }
}

describe('sign-in throttle (RATE-1)', () => {
  it('blocks a user after five failures, and a success clears the count', async () => {
    const store = createMemoryStore();
    const same: [SharedStore, SharedStore] = [store, store];
    await failFiveTimes(same, 'robin');
    expect(await codeOf(beforeSignIn('10.0.0.2', SITE, 'robin', store))).toBe('sign_in_throttled');
    await signInSucceeded(SITE, 'robin', store);
    expect(await codeOf(beforeSignIn('10.0.0.2', SITE, 'robin', store))).toBe('allowed');
  });

  it('separate memory stores (instances without Redis) each count only their share', async () => {
    const [a, b] = [createMemoryStore(), createMemoryStore()];
    await failFiveTimes([a, b], 'alex');
    // The reason REDIS_URL exists: neither instance has seen five failures, so neither blocks.
    expect(await codeOf(beforeSignIn('10.0.0.3', SITE, 'alex', a))).toBe('allowed');
    expect(await codeOf(beforeSignIn('10.0.0.3', SITE, 'alex', b))).toBe('allowed');
  });

  it.runIf(withRedis)('instances sharing Redis add their failures up to one block', async () => {
    const [a, b] = [redisStore(), redisStore()];
    await failFiveTimes([a, b], 'shared-user');
    expect(await codeOf(beforeSignIn('10.0.0.9', SITE, 'shared-user', a))).toBe(
      'sign_in_throttled',
    );
    expect(await codeOf(beforeSignIn('10.0.0.9', SITE, 'shared-user', b))).toBe(
      'sign_in_throttled',
    );
    expect(await codeOf(beforeSignIn('10.0.0.9', SITE, 'someone-else', b))).toBe('allowed');
  });

  it(
    'refuses sign-in (fails closed) when Redis cannot be reached',
    { timeout: 15_000 },
    async () => {
      const down = createRedisStore(`redis://127.0.0.1:${await freePort()}`);
      try {
        expect(await codeOf(beforeSignIn('10.0.0.1', SITE, 'demo', down))).toBe(
          'server_unavailable',
        );
      } finally {
        await down.close();
      }
    },
  );

  it('trusts only the address the proxy appended to X-Forwarded-For, and only with TRUST_PROXY=1', () => {
    const request = new Request('http://app.example/api/session', {
      headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.2' },
    });
    expect(clientIp(request, { TRUST_PROXY: '1' })).toBe('198.51.100.2');
    expect(clientIp(request, {})).toBe('direct');
  });
});
