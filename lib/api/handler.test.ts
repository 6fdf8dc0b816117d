import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';
import { captureLogLinesPerFile } from '@/lib/log/testing/capture-log-lines';

import { handler } from './handler';

/**
 * The request id contract (issue 8, LOG-1): every error body and every log line of a request
 * carry the same id, which is also the response's x-request-id; credentials never reach a line.
 */
const lines = captureLogLinesPerFile('debug');
const previousSecret = process.env.SESSION_SECRET;

beforeAll(() => {
  process.env.SESSION_SECRET = 'handler-test-secret-0123456789-abcdefghij';
});

afterAll(() => {
  process.env.SESSION_SECRET = previousSecret;
});

const failing = handler(async ({ log }) => {
  log.info({ credentials: { token: 'secret-token-123' }, password: 'hunter2-pw' }, 'about to fail');
  throw new AppError('page_not_found');
});
const crashing = handler(async () => {
  throw new Error('database on fire, token=abc');
});

describe('handler request ids', () => {
  it('puts one id in the header, the error body and every log line of the request', async () => {
    lines.length = 0;
    const response = await failing(new Request('http://app.example/api/x'));
    expect(response.status).toBe(404);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[\w-]{8,64}$/);
    expect((await response.json()).error).toMatchObject({ code: 'page_not_found', requestId: id });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.requestId).toBe(id);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('secret-token-123');
    expect(text).not.toContain('hunter2-pw');
  });

  it('keeps a well-formed incoming id (set by the server or a proxy) and replaces a forged one', async () => {
    const kept = await crashing(
      new Request('http://app.example/api/x', { headers: { 'x-request-id': 'lb-1234abcd' } }),
    );
    expect(kept.status).toBe(500);
    expect(kept.headers.get('x-request-id')).toBe('lb-1234abcd');
    expect((await kept.json()).error).toMatchObject({ code: 'internal', requestId: 'lb-1234abcd' });

    const forged = await crashing(
      new Request('http://app.example/api/x', {
        headers: { 'x-request-id': 'forged id with spaces and {"level":60}' },
      }),
    );
    const id = forged.headers.get('x-request-id');
    expect(id).not.toContain(' ');
    expect((await forged.json()).error.requestId).toBe(id);
  });
});

describe('handler and abandoned requests', () => {
  it('logs a request the browser abandoned as such, not as an internal error', async () => {
    const controller = new AbortController();
    const waiting = handler(async ({ request }) => {
      controller.abort();
      // What a proxied Confluence call does when its caller goes away.
      throw request.signal.reason ?? new Error('aborted');
    });
    const before = lines.length;
    const response = await waiting(
      new Request('http://app.test/api/check', { signal: controller.signal }),
    );
    expect(response.status).toBe(499);
    const logged = lines.slice(before);
    expect(logged.some((line) => line.event === 'client_aborted')).toBe(true);
    expect(logged.some((line) => (line.level as number) >= 50)).toBe(false);
  });
});
