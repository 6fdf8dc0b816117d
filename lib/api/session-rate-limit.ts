import 'server-only';

import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { AppError } from '@/lib/errors';
import { sharedStore, type SharedStore } from '@/lib/store';

/**
 * Per-session budget on the Confluence proxy (docs/security.md RATE-3), so a signed-in browser (or a
 * script holding its cookie) cannot use Pagewright to hammer Confluence. Every route that needs a
 * session spends one point; past the budget the answer is 429 with Retry-After and no upstream
 * call. The counters live in the shared store, so with REDIS_URL the budget holds across
 * instances.
 *
 * The default (300 a minute) is far above an editing session — preview images, debounced title
 * checks, saves and version lists stay under a few dozen a minute — and the load test's users;
 * operators can tighten it with PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE.
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 300;

export function requestsPerMinuteFromEnv(env: Readonly<Record<string, string | undefined>>) {
  const raw = env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE?.trim();
  if (!raw) return DEFAULT_REQUESTS_PER_MINUTE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE must be a whole number of at least 1, not "${raw}"`,
    );
  }
  return value;
}

const limiters = new WeakMap<SharedStore, Map<number, RateLimiterAbstract>>();

function limiterFor(store: SharedStore, points: number): RateLimiterAbstract {
  let byPoints = limiters.get(store);
  if (!byPoints) limiters.set(store, (byPoints = new Map()));
  let limiter = byPoints.get(points);
  if (!limiter) {
    limiter = store.limiter({ keyPrefix: `session_budget_${points}`, points, duration: 60 });
    byPoints.set(points, limiter);
  }
  return limiter;
}

/** Spends one request of the session's budget; throws `rate_limited` (429) when it is spent. */
export async function spendSessionBudget(
  sessionId: string,
  store: SharedStore = sharedStore(),
  perMinute: number = requestsPerMinuteFromEnv(process.env),
): Promise<void> {
  try {
    await limiterFor(store, perMinute).consume(sessionId);
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) {
      throw new AppError('server_unavailable', undefined, {
        cause: result instanceof Error ? result.name : 'unknown',
      });
    }
    const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw new AppError(
      'rate_limited',
      `Too many requests from this session (more than ${perMinute} a minute). Pagewright pauses for ${seconds} s so Confluence is not overloaded.`,
      { retryAfterMs: result.msBeforeNext, reason: 'session_budget' },
    );
  }
}
