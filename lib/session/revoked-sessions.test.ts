import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '@/lib/testing/free-port';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { SharedStore } from '@/lib/store/shared-store';
import { redisAvailable, startTestRedis, type TestRedis } from '@/lib/store/testing/redis-server';

import { liveSessionState, revokeSession } from './revoked-sessions';
import { signedInSession } from './testing/signed-in-session';

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

describe('revoked sessions (SESS-5)', () => {
  it('a signed-out session counts as expired; others stay valid', async () => {
    const store = createMemoryStore();
    await revokeSession('gone', store);
    expect(await liveSessionState(signedInSession('gone'), Date.now(), store)).toBe('expired');
    expect(await liveSessionState(signedInSession('kept'), Date.now(), store)).toBe('valid');
    expect(await liveSessionState({}, Date.now(), store)).toBe('signed-out');
  });

  it.runIf(withRedis)(
    'a sign-out on one instance is seen by the other (shared Redis)',
    async () => {
      const [a, b] = [createRedisStore(redis!.url), createRedisStore(redis!.url)];
      opened.push(a, b);
      await revokeSession('signed-out-on-a', a);
      expect(await liveSessionState(signedInSession('signed-out-on-a'), Date.now(), b)).toBe(
        'expired',
      );
      expect(await liveSessionState(signedInSession('still-in'), Date.now(), b)).toBe('valid');
    },
  );

  it(
    'answers server_unavailable, never "valid", when Redis cannot be asked',
    { timeout: 15_000 },
    async () => {
      const down = createRedisStore(`redis://127.0.0.1:${await freePort()}`);
      try {
        const outcome = await liveSessionState(signedInSession('unknown'), Date.now(), down).catch(
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(AppError);
        expect((outcome as AppError).code).toBe('server_unavailable');
        await expect(revokeSession('unknown', down)).rejects.toMatchObject({
          code: 'server_unavailable',
        });
      } finally {
        await down.close();
      }
    },
  );
});
