import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { LOOPBACK_SITE, LOOPBACK_SITE_SPELLINGS } from '@/lib/confluence/testing/site-spellings';
import { freePort } from '@/lib/testing/free-port';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { SharedStore } from '@/lib/store/shared-store';
import { redisAvailable, startTestRedis, type TestRedis } from '@/lib/store/testing/redis-server';

import { SOCKET_ADDRESS_HEADER, SOCKET_ADDRESS_TOKEN_ENV } from './client-address';
import {
  accountKey,
  beforeSignIn,
  signInClient,
  signInFailed,
  signInSucceeded,
  type SignInIdentity,
} from './sign-in-throttle';

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

function who(user: string | null, client: string | null = '10.0.0.1', site = SITE): SignInIdentity {
  return { client, site, user };
}

/** One whole failed attempt: reserve, then report the failure. */
async function fail(identity: SignInIdentity, store: SharedStore): Promise<string> {
  try {
    await signInFailed(await beforeSignIn(identity, store), store);
    return 'failed';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

/** Five failures, alternating between two instances (stores), as round robin would spread them. */
async function failFiveTimes(stores: [SharedStore, SharedStore], user: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect(await fail(who(user), stores[attempt % 2]!)).toBe('failed');
  }
}

describe('sign-in throttle (RATE-1)', () => {
  it('blocks a user after five failures, and a success clears the count', async () => {
    const store = createMemoryStore();
    await failFiveTimes([store, store], 'robin');
    expect(await codeOf(beforeSignIn(who('robin', '10.0.0.2'), store))).toBe('sign_in_throttled');
    await signInSucceeded(
      { client: null, account: accountKey(who('robin')), lastGuess: false },
      store,
    );
    const reservation = await beforeSignIn(who('robin', '10.0.0.2'), store);
    expect(reservation.account).not.toBeNull();
  });

  it('separate memory stores (instances without Redis) each count only their share', async () => {
    const [a, b] = [createMemoryStore(), createMemoryStore()];
    await failFiveTimes([a, b], 'alex');
    // The reason REDIS_URL exists: neither instance has seen five failures, so neither blocks.
    expect(await codeOf(beforeSignIn(who('alex', '10.0.0.3'), a))).toBe('allowed');
    expect(await codeOf(beforeSignIn(who('alex', '10.0.0.3'), b))).toBe('allowed');
  });

  it.runIf(withRedis)('instances sharing Redis add their failures up to one block', async () => {
    const [a, b] = [redisStore(), redisStore()];
    await failFiveTimes([a, b], 'shared-user');
    expect(await codeOf(beforeSignIn(who('shared-user', '10.0.0.9'), a))).toBe('sign_in_throttled');
    expect(await codeOf(beforeSignIn(who('shared-user', '10.0.0.9'), b))).toBe('sign_in_throttled');
    expect(await codeOf(beforeSignIn(who('someone-else', '10.0.0.9'), b))).toBe('allowed');
  });

  it(
    'refuses sign-in (fails closed) when Redis cannot be reached',
    { timeout: 15_000 },
    async () => {
      const down = createRedisStore(`redis://127.0.0.1:${await freePort()}`);
      try {
        expect(await codeOf(beforeSignIn(who('demo'), down))).toBe('server_unavailable');
      } finally {
        await down.close();
      }
    },
  );
});

describe('no limit is shared by all clients', () => {
  it('one client using up its attempts a minute leaves every other client its own', async () => {
    const store = createMemoryStore();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await fail(who(`made-up-${attempt}`, '198.51.100.1'), store)).toBe('failed');
    }
    expect(await fail(who('made-up-x', '198.51.100.1'), store)).toBe('sign_in_throttled');
    expect(await codeOf(beforeSignIn(who('demo', '198.51.100.2'), store))).toBe('allowed');
  });

  it('one client reaching 100 failures a day blocks that client only', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    try {
      const store = createMemoryStore();
      // Ten a minute: 100 failures take ten minutes of the attacker's time.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if (attempt % 10 === 0) vi.advanceTimersByTime(61_000);
        expect(await fail(who(`made-up-${attempt}`, '198.51.100.1'), store)).toBe('failed');
      }
      vi.advanceTimersByTime(61_000);
      expect(await fail(who('made-up-x', '198.51.100.1'), store)).toBe('sign_in_throttled');
      expect(await codeOf(beforeSignIn(who('demo', '198.51.100.2'), store))).toBe('allowed');
      expect(await codeOf(beforeSignIn(who('demo', '2001:db8:1:2::/64'), store))).toBe('allowed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('successes give their reservations back: many people behind one address all sign in', async () => {
    const store = createMemoryStore();
    for (let person = 0; person < 30; person += 1) {
      const reservation = await beforeSignIn(who(`colleague-${person}`, '198.51.100.7'), store);
      await signInSucceeded(reservation, store);
    }
    expect(await codeOf(beforeSignIn(who('one-more', '198.51.100.7'), store))).toBe('allowed');
  });
});

describe('personal access tokens', () => {
  it('five bad tokens from one client block that client, not every token user of the site', async () => {
    const store = createMemoryStore();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await fail(who(null, '198.51.100.10'), store)).toBe('failed');
    }
    expect(await codeOf(beforeSignIn(who(null, '198.51.100.10'), store))).toBe('sign_in_throttled');
    expect(await codeOf(beforeSignIn(who(null, '198.51.100.11'), store))).toBe('allowed');
  });

  it('are keyed on the client, so a token (the attacker picks it) never gives a fresh key', () => {
    expect(accountKey(who(null, '198.51.100.10'))).toBe(accountKey(who(null, '198.51.100.10')));
    expect(accountKey(who(null, '198.51.100.10'))).not.toBe(accountKey(who(null, '198.51.100.11')));
    expect(accountKey(who(null, null))).toBeNull();
  });
});

describe('one account, however the site and user are written', () => {
  const BASE = LOOPBACK_SITE;
  it.each(LOOPBACK_SITE_SPELLINGS)('%j is the same site as http://127.0.0.1:8090', (site) => {
    expect(accountKey(who('demo', null, site))).toBe(accountKey(who('demo', null, BASE)));
  });

  it.each(['DEMO', ' demo', 'demo ', 'Demo\t', 'ｄｅｍｏ'])(
    '%j is the same user as demo',
    (user) => {
      expect(accountKey(who(user, null, BASE))).toBe(accountKey(who('demo', null, BASE)));
    },
  );

  it('a blocked user gets no fresh guesses through another spelling of the site', async () => {
    const store = createMemoryStore();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await fail(who('robin', `10.0.1.${attempt}`, BASE), store)).toBe('failed');
    }
    for (const site of ['http://127.1:8090', `${BASE}/`, 'http://127.0.0.1.:8090', ` ${BASE}`]) {
      expect(await codeOf(beforeSignIn(who(' Robin', '10.0.2.1', site), store)), site).toBe(
        'sign_in_throttled',
      );
    }
  });
});

describe('attempts are reserved before the upstream call', () => {
  it('25 parallel attempts at one account: exactly 5 get through', async () => {
    const store = createMemoryStore();
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        codeOf(beforeSignIn(who('parallel', `10.0.3.${index}`), store)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'allowed')).toHaveLength(5);
  });

  it.runIf(withRedis)('25 parallel attempts across two instances on Redis: exactly 5', async () => {
    const [a, b] = [redisStore(), redisStore()];
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        codeOf(beforeSignIn(who('parallel-redis', `10.0.4.${index}`), index % 2 ? a : b)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'allowed')).toHaveLength(5);
  });

  it('the last guess failing starts the block; the others do not escalate it', async () => {
    const store = createMemoryStore();
    const reservations = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        beforeSignIn(who('escalate', `10.0.5.${index}`), store),
      ),
    );
    expect(reservations.filter((reservation) => reservation.lastGuess)).toHaveLength(1);
    for (const reservation of reservations) await signInFailed(reservation, store);
    const refused = await beforeSignIn(who('escalate', '10.0.5.9'), store).catch(
      (error: AppError) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    // Level 1: a one-minute block, not the 16 minutes five escalations would give.
    const retryAfterMs = ((refused as AppError).details as { retryAfterMs: number }).retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(50_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});

describe('signInClient', () => {
  const token = 'f'.repeat(64);
  const stamped = new Request('http://app.example/api/session', {
    headers: { [SOCKET_ADDRESS_HEADER]: `${token} ::ffff:10.9.8.7` },
  });
  const bare = new Request('http://app.example/api/session', {
    headers: { 'x-forwarded-for': '10.1.1.1' },
  });
  const errors: unknown[] = [];
  const log = { error: (...args: unknown[]) => void errors.push(args) };

  it('is the stamped socket address behind the production server', () => {
    const env = { NODE_ENV: 'production', [SOCKET_ADDRESS_TOKEN_ENV]: token };
    expect(signInClient(stamped, log, env)).toBe('10.9.8.7');
  });

  it('refuses sign-in in production when no client address is known, and logs why', () => {
    errors.length = 0;
    const refused = (() => {
      try {
        return signInClient(bare, log, { NODE_ENV: 'production' });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('server_unavailable');
    expect(JSON.stringify(errors)).toContain('client_address_unknown');
  });

  it('is unknown under next dev and in tests, where only the per-account limits apply', () => {
    expect(signInClient(bare, log, { NODE_ENV: 'development' })).toBeNull();
  });
});
