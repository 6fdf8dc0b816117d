import { describe, expect, it, vi } from 'vitest';

import { AppError } from '@/lib/errors';

import { onAuthError, signInPath } from './auth-errors';
import { makeQueryClient, shouldRetry } from './query-client';

describe('query defaults', () => {
  it('retries transient errors twice at most and nothing else', () => {
    const offline = new AppError('offline');
    expect([0, 1, 2].map((count) => shouldRetry(count, offline))).toEqual([true, true, false]);
    expect(shouldRetry(0, new AppError('server_unavailable'))).toBe(true);
    // The server already retried Confluence within the action's deadline: once is enough.
    expect(shouldRetry(0, new AppError('rate_limited'))).toBe(false);
    expect(shouldRetry(0, new AppError('confluence_unavailable'))).toBe(false);
    expect(shouldRetry(0, new AppError('confluence_error', undefined, { status: 502 }))).toBe(
      false,
    );
    expect(shouldRetry(0, new AppError('upstream_timeout'))).toBe(false);
    expect(shouldRetry(0, new AppError('page_not_found'))).toBe(false);
    expect(shouldRetry(0, new AppError('not_signed_in'))).toBe(false);
    expect(shouldRetry(0, new Error('not ours'))).toBe(false);
  });

  it('reports sign-in errors from any query to the auth listener, and only those', async () => {
    const client = makeQueryClient();
    const seen = vi.fn();
    const stop = onAuthError(seen);
    await client
      .fetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(new AppError('not_signed_in')) })
      .catch(() => undefined);
    await client
      .fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(new AppError('bad_request')) })
      .catch(() => undefined);
    stop();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0]).toMatchObject({ code: 'not_signed_in' });
  });

  it('builds the sign-in path with a reason and where to come back to', () => {
    expect(signInPath()).toBe('/login');
    expect(signInPath('expired', '/pages/1?x=1')).toBe(
      '/login?reason=expired&next=%2Fpages%2F1%3Fx%3D1',
    );
    expect(signInPath('unauthorized', '/')).toBe('/login?reason=unauthorized');
  });
});
