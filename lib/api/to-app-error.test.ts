import { describe, expect, it } from 'vitest';

import { ConfluenceError } from '@/lib/confluence/errors';
import { messageFor } from '@/lib/errors';

import { errorResponse, toAppError } from './to-app-error';

describe('toAppError: one message per cause, none claiming the text is safe', () => {
  it('names a Confluence 5xx with its status, carried in typed details', () => {
    const error = toAppError(new ConfluenceError('server_error', 'boom', { status: 500 }));
    expect(error).toMatchObject({ code: 'confluence_error', details: { status: 500 } });
    expect(error.message).toContain('HTTP 500');
  });

  it('tells an unreachable Confluence from one that answered with an error', () => {
    const error = toAppError(new ConfluenceError('network', 'ECONNREFUSED', {}));
    expect(error.code).toBe('confluence_unavailable');
    expect(error.message).toMatch(/could not be reached/);
  });

  it('says how long to wait when Confluence limits requests', () => {
    const error = toAppError(new ConfluenceError('rate_limited', '', { retryAfterMs: 4200 }));
    expect(error.message).toBe(
      'Confluence is limiting requests right now. Wait 5 s, then try again.',
    );
  });

  it('names the deadline when Confluence does not answer', () => {
    expect(toAppError(new ConfluenceError('timeout', '', {})).message).toMatch(
      /^Confluence did not answer in 30 s\./,
    );
    expect(toAppError(new ConfluenceError('timeout', '', { deadlineMs: 30_000 })).message).toBe(
      messageFor('upstream_timeout'),
    );
  });

  it('never says "your text is safe": the server cannot know', () => {
    for (const code of [
      'confluence_unavailable',
      'confluence_error',
      'upstream_timeout',
      'server_unavailable',
      'internal',
      'offline',
    ] as const) {
      expect(messageFor(code)).not.toMatch(/text is safe/i);
    }
  });

  it('puts the request id in the error body and header', async () => {
    const response = errorResponse(toAppError(new Error('x')), 'req-12345678');
    expect(response.headers.get('x-request-id')).toBe('req-12345678');
    expect(await response.json()).toMatchObject({ error: { requestId: 'req-12345678' } });
  });
});
