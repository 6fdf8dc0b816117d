import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory-store';

import {
  DEFAULT_REQUESTS_PER_MINUTE,
  requestsPerMinuteFromEnv,
  spendSessionBudget,
} from './session-rate-limit';

async function outcome(attempt: Promise<void>): Promise<AppError | 'allowed'> {
  try {
    await attempt;
    return 'allowed';
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('per-session request budget (RATE-3)', () => {
  it('gives 429 with a wait on the 61st request within a minute, per session', async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 60; i++) {
      expect(await outcome(spendSessionBudget('session-a', store, 60))).toBe('allowed');
    }
    const refused = await outcome(spendSessionBudget('session-a', store, 60));
    expect(refused).toBeInstanceOf(AppError);
    const error = refused as AppError;
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/more than 60 a minute/);
    const wait = (error.details as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Another session has its own budget.
    expect(await outcome(spendSessionBudget('session-b', store, 60))).toBe('allowed');
    await store.close();
  });

  it('reads the budget from the environment and refuses nonsense', () => {
    expect(requestsPerMinuteFromEnv({})).toBe(DEFAULT_REQUESTS_PER_MINUTE);
    expect(requestsPerMinuteFromEnv({ PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE: '120' })).toBe(120);
    expect(() => requestsPerMinuteFromEnv({ PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE: '0' })).toThrow(
      /at least 1/,
    );
    expect(() =>
      requestsPerMinuteFromEnv({ PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE: 'lots' }),
    ).toThrow(/whole number/);
  });
});
