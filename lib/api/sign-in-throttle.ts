import 'server-only';

import { createHash } from 'node:crypto';

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { AppError } from '@/lib/errors';

/**
 * Sign-in throttling (security.md RATE-1): per client IP (10 attempts a minute, 100 failures a
 * day) and per site + user (5 failures in a row, then blocks of 1, 2, 4 … minutes up to an
 * hour). A blocked attempt costs Confluence nothing: it is refused before any upstream call.
 * In memory per instance; several instances share counters through Redis (REDIS_URL, later).
 */
const attemptsPerIp = new RateLimiterMemory({ keyPrefix: 'signin_ip', points: 10, duration: 60 });
/** Without a trusted proxy every client shares one bucket (see clientIp), so it gets more room. */
const attemptsShared = new RateLimiterMemory({
  keyPrefix: 'signin_shared',
  points: 60,
  duration: 60,
});
const failuresPerIpDay = new RateLimiterMemory({
  keyPrefix: 'signin_ip_day',
  points: 100,
  duration: 86_400,
});
const failuresPerUser = new RateLimiterMemory({
  keyPrefix: 'signin_user',
  points: 5,
  duration: 3_600,
});
const blockLevel = new Map<string, number>();

const SHARED_BUCKET = 'direct';

function userKey(site: string, user: string): string {
  return createHash('sha256').update(`${site.toLowerCase()}\n${user.toLowerCase()}`).digest('hex');
}

function blocked(res: RateLimiterRes | null): AppError {
  return new AppError('sign_in_throttled', undefined, {
    retryAfterMs: res?.msBeforeNext ?? 60_000,
  });
}

/** Call before trying the credentials; throws `sign_in_throttled` while blocked. */
export async function beforeSignIn(ip: string, site: string, user: string): Promise<void> {
  const key = userKey(site, user);
  const [dayState, userState] = await Promise.all([
    failuresPerIpDay.get(ip),
    failuresPerUser.get(key),
  ]);
  if (dayState && dayState.remainingPoints <= 0) throw blocked(dayState);
  if (userState && userState.remainingPoints <= 0) throw blocked(userState);
  try {
    await (ip === SHARED_BUCKET ? attemptsShared : attemptsPerIp).consume(ip);
  } catch (res) {
    throw blocked(res instanceof RateLimiterRes ? res : null);
  }
}

export async function signInFailed(ip: string, site: string, user: string): Promise<void> {
  const key = userKey(site, user);
  await failuresPerIpDay.penalty(ip, 1);
  const state = await failuresPerUser.penalty(key, 1);
  if (state.consumedPoints >= 5) {
    const level = (blockLevel.get(key) ?? 0) + 1;
    blockLevel.set(key, level);
    await failuresPerUser.block(key, Math.min(3_600, 60 * 2 ** (level - 1)));
  }
}

export async function signInSucceeded(site: string, user: string): Promise<void> {
  const key = userKey(site, user);
  blockLevel.delete(key);
  await failuresPerUser.delete(key);
}

/**
 * The client's address: X-Forwarded-For only behind a proxy the operator trusts (TRUST_PROXY=1).
 * Otherwise every header is the client's own claim, and Next does not expose the socket, so all
 * direct clients share one bucket (a spoofed header never buys fresh attempts).
 */
export function clientIp(
  request: Request,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (env.TRUST_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return SHARED_BUCKET;
}
