import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SOCKET_ADDRESS_HEADER, SOCKET_ADDRESS_TOKEN_ENV } from '@/lib/api/client-address';
import { createClientWindowLimiter } from '@/lib/api/client-window-limiter';
import {
  MAX_REPORT_BYTES,
  REPORTS_PER_CLIENT_PER_MINUTE,
  summariseCspReport,
} from '@/lib/api/csp-report';
import { captureLogLinesPerFile } from '@/lib/log/testing/capture-log-lines';

import { POST } from './route';

/**
 * /api/csp-report takes posts from anyone, without a session: the body, each client's rate and
 * what reaches the log are all bounded.
 */
const TOKEN = 'csp-test-token';
const lines = captureLogLinesPerFile('debug');
const previousToken = process.env[SOCKET_ADDRESS_TOKEN_ENV];

beforeAll(() => {
  process.env[SOCKET_ADDRESS_TOKEN_ENV] = TOKEN;
});

afterAll(() => {
  process.env[SOCKET_ADDRESS_TOKEN_ENV] = previousToken;
});

const legacy = (fields: Record<string, unknown>) => JSON.stringify({ 'csp-report': fields });

function report(from: string, body: BodyInit, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://app.example/api/csp-report', {
      method: 'POST',
      headers: {
        'content-type': 'application/csp-report',
        [SOCKET_ADDRESS_HEADER]: `${TOKEN} ${from}`,
        ...headers,
      },
      body,
      duplex: 'half',
    } as RequestInit),
  );
}

const violations = () => lines.filter((line) => line.event === 'csp_violation');

describe('POST /api/csp-report', () => {
  it('refuses a body over the limit without logging it, declared or streamed', async () => {
    lines.length = 0;
    const big = legacy({ 'blocked-uri': 'x'.repeat(MAX_REPORT_BYTES) });
    expect((await report('192.0.2.1', big)).status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    });
    expect((await report('192.0.2.1', streamed)).status).toBe(413);
    expect(violations()).toEqual([]);
  });

  it('limits each client, and one client’s flood leaves others their own budget', async () => {
    lines.length = 0;
    const body = legacy({ 'violated-directive': 'img-src', 'blocked-uri': 'https://x.test/a' });
    for (let i = 0; i < REPORTS_PER_CLIENT_PER_MINUTE; i++) {
      expect((await report('198.51.100.7', body)).status).toBe(204);
    }
    const refused = await report('198.51.100.7', body);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await report('198.51.100.8', body)).status).toBe(204);
    expect(violations()).toHaveLength(REPORTS_PER_CLIENT_PER_MINUTE + 1);
  });

  it('logs a fixed set of fields, each cut short, from either report format', async () => {
    lines.length = 0;
    const long = `https://evil.test/${'a'.repeat(5_000)}\n{"level":60,"forged":true}`;
    await report(
      '203.0.113.9',
      legacy({
        'document-uri': 'http://app.example/pages/1',
        'blocked-uri': long,
        'violated-directive': 'script-src',
        'line-number': 12,
        'injected-field': 'should not be logged',
      }),
    );
    await report(
      '203.0.113.9',
      JSON.stringify([
        {
          type: 'csp-violation',
          url: 'http://app.example/',
          body: {
            documentURL: 'http://app.example/',
            blockedURL: 'inline',
            effectiveDirective: 'style-src-elem',
            disposition: 'report',
            extra: 'x',
          },
        },
      ]),
      { 'content-type': 'application/reports+json' },
    );
    const [first, second] = violations();
    expect(first).toMatchObject({
      reports: 1,
      documentUrl: 'http://app.example/pages/1',
      directive: 'script-src',
      line: 12,
    });
    expect((first!.blockedUrl as string).length).toBe(200);
    expect(second).toMatchObject({
      blockedUrl: 'inline',
      directive: 'style-src-elem',
      disposition: 'report',
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('should not be logged');
    expect(text).not.toContain('forged');
    expect(text).not.toContain('a'.repeat(300));
  });
});

describe('summariseCspReport', () => {
  it('reads nothing from a body that is not a report', () => {
    expect(summariseCspReport('not json')).toBeNull();
    expect(summariseCspReport('{"anything":1}')).toBeNull();
    expect(summariseCspReport('[1,2,3]')).toBeNull();
  });
});

describe('createClientWindowLimiter', () => {
  it('holds at most maxClients, forgetting the longest unseen first, never refusing a newcomer', () => {
    let clock = 0;
    const limiter = createClientWindowLimiter({
      limit: 2,
      windowMs: 1_000,
      maxClients: 100,
      now: () => clock,
    });
    expect(limiter.take('steady')).toBe(true);
    expect(limiter.take('steady')).toBe(true);
    expect(limiter.take('steady')).toBe(false);
    for (let i = 0; i < 10_000; i++) expect(limiter.take(`flood-${i}`)).toBe(true);
    expect(limiter.size).toBe(100);
    clock = 1_000;
    expect(limiter.take('steady')).toBe(true);
  });
});
