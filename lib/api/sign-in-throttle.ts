import 'server-only';

import { createHash } from 'node:crypto';

import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { AppError } from '@/lib/errors';
import { sharedStore, StoreUnavailableError, type SharedStore } from '@/lib/store';

/**
 * Sign-in throttling (docs/security.md RATE-1): per client IP (10 attempts a minute, 100 failures a
 * day) and per site + user (5 failures in a row, then blocks of 1, 2, 4 … minutes up to an
 * hour). A blocked attempt costs Confluence nothing: it is refused before any upstream call.
 * The counters live in the shared store, so with REDIS_URL every instance behind a load
 * balancer counts the same attempts. When the store cannot be reached, sign-in is refused with
 * `server_unavailable` (fail closed: an attacker must not get unlimited guesses by breaking Redis).
 */
interface Limiters {
  attemptsPerIp: RateLimiterAbstract;
  /** Without a trusted proxy every client shares one bucket (see clientIp), so it gets more room. */
  attemptsShared: RateLimiterAbstract;
  failuresPerIpDay: RateLimiterAbstract;
  failuresPerUser: RateLimiterAbstract;
}

const limitersByStore = new WeakMap<SharedStore, Limiters>();

function limiters(store: SharedStore): Limiters {
  let found = limitersByStore.get(store);
  if (!found) {
    found = {
      attemptsPerIp: store.limiter({ keyPrefix: 'signin_ip', points: 10, duration: 60 }),
      attemptsShared: store.limiter({ keyPrefix: 'signin_shared', points: 60, duration: 60 }),
      failuresPerIpDay: store.limiter({
        keyPrefix: 'signin_ip_day',
        points: 100,
        duration: 86_400,
      }),
      failuresPerUser: store.limiter({ keyPrefix: 'signin_user', points: 5, duration: 3_600 }),
    };
    limitersByStore.set(store, found);
  }
  return found;
}

const SHARED_BUCKET = 'direct';
/** How long the escalation level (1, 2, 4 … minute blocks) is remembered after a block. */
const BLOCK_LEVEL_TTL_MS = 86_400_000;

function userKey(site: string, user: string): string {
  return createHash('sha256').update(`${site.toLowerCase()}\n${user.toLowerCase()}`).digest('hex');
}

function blocked(res: RateLimiterRes | null): AppError {
  return new AppError('sign_in_throttled', undefined, {
    retryAfterMs: res?.msBeforeNext ?? 60_000,
  });
}

/** rate-limiter-flexible rejects with a RateLimiterRes when out of points, else with the store's error. */
function storeFailure(error: unknown): AppError {
  return new AppError('server_unavailable', undefined, {
    cause: error instanceof Error ? error.name : 'unknown',
  });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError || error instanceof RateLimiterRes) throw error;
    if (error instanceof StoreUnavailableError || error instanceof Error) throw storeFailure(error);
    throw error;
  }
}

/** Call before trying the credentials; throws `sign_in_throttled` while blocked. */
export async function beforeSignIn(
  ip: string,
  site: string,
  user: string,
  store: SharedStore = sharedStore(),
): Promise<void> {
  const limit = limiters(store);
  const key = userKey(site, user);
  await guarded(async () => {
    const [dayState, userState] = await Promise.all([
      limit.failuresPerIpDay.get(ip),
      limit.failuresPerUser.get(key),
    ]);
    if (dayState && dayState.remainingPoints <= 0) throw blocked(dayState);
    if (userState && userState.remainingPoints <= 0) throw blocked(userState);
    try {
      await (ip === SHARED_BUCKET ? limit.attemptsShared : limit.attemptsPerIp).consume(ip);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw blocked(res);
      throw res;
    }
  });
}

export async function signInFailed(
  ip: string,
  site: string,
  user: string,
  store: SharedStore = sharedStore(),
): Promise<void> {
  const limit = limiters(store);
  const key = userKey(site, user);
  await guarded(async () => {
    await limit.failuresPerIpDay.penalty(ip, 1);
    const state = await limit.failuresPerUser.penalty(key, 1);
    if (state.consumedPoints >= 5) {
      const level = await store.increment(`signin_block_level:${key}`, BLOCK_LEVEL_TTL_MS);
      await limit.failuresPerUser.block(key, Math.min(3_600, 60 * 2 ** (level - 1)));
    }
  });
}

export async function signInSucceeded(
  site: string,
  user: string,
  store: SharedStore = sharedStore(),
): Promise<void> {
  const limit = limiters(store);
  const key = userKey(site, user);
  await guarded(async () => {
    await store.delete(`signin_block_level:${key}`);
    await limit.failuresPerUser.delete(key);
  });
}

/**
 * The client's address: X-Forwarded-For only behind a proxy the operator trusts (TRUST_PROXY=1),
 * and then its last entry, the one that proxy appended (entries before it are the client's own
 * claims). Otherwise every header is the client's own claim, and Next does not expose the
 * socket, so all direct clients share one bucket (a spoofed header never buys fresh attempts).
 */
export function clientIp(
  request: Request,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (env.TRUST_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return SHARED_BUCKET;
}
