import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SOCKET_ADDRESS_HEADER, SOCKET_ADDRESS_TOKEN_ENV } from '@/lib/api/client-address';
import { captureLogLinesPerFile } from '@/lib/log/testing/capture-log-lines';

import { APP, json, startDemoEmulatorPerFile } from '../route-test-support';

import { POST } from './route';

/**
 * Sign-in throttling and the sign-in site address through the real route against the emulator
 * (docs/security.md RATE-1, LOG-3): every client and account has limits of its own, attempts are
 * reserved before Confluence is asked, and the address as typed never reaches the log.
 */
const TOKEN = 'c'.repeat(64);
const emulator = startDemoEmulatorPerFile();
const lines = captureLogLinesPerFile('info');
let site = '';
let port = '';

beforeAll(() => {
  site = emulator().url;
  port = new URL(site).port;
  // What pagewright-server.js does at boot; each request below is stamped as it would stamp it.
  process.env[SOCKET_ADDRESS_TOKEN_ENV] = TOKEN;
});

afterAll(() => {
  delete process.env[SOCKET_ADDRESS_TOKEN_ENV];
});

beforeEach(() => {
  emulator().clearRequests();
});

function signIn(from: string, body: Record<string, string>): Promise<Response> {
  return POST(
    new Request(`${APP}/api/session`, {
      method: 'POST',
      headers: { ...json, [SOCKET_ADDRESS_HEADER]: `${TOKEN} ${from}` },
      body: JSON.stringify(body),
    }),
  );
}

function upstreamCalls(): number {
  return emulator()
    .requests()
    .filter((entry) => entry.url.split('?')[0]!.endsWith('/user/current')).length;
}

function password(username: string, baseUrl = site): Record<string, string> {
  return { method: 'dc-password', username, password: 'guess', baseUrl };
}

describe('sign-in throttling through the route (RATE-1)', () => {
  it('25 parallel attempts at one account: exactly 5 reach Confluence', async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, index) => signIn(`10.20.0.${index}`, password('parallel'))),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(upstreamCalls()).toBe(5);
  });

  it('a blocked user gets no fresh guesses from another spelling of the site or the name', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(`10.21.0.${attempt}`, password('robin'))).status).toBe(401);
    }
    const spellings = [
      password('robin', `http://127.1:${port}`),
      password('robin', `${site}/`),
      password('robin', `http://127.0.0.1.:${port}`),
      password('robin', `http://0x7f.0.0.1:${port}`),
      password('robin', `http://2130706433:${port}`),
      password('robin', `   ${site}`),
      password('robin', `${site}/confluence`),
      password('ROBIN '),
      password(' Robin'),
    ];
    emulator().clearRequests();
    for (const [index, body] of spellings.entries()) {
      const response = await signIn(`10.21.1.${index}`, body);
      expect(response.status, JSON.stringify(body)).toBe(429);
    }
    expect(upstreamCalls()).toBe(0);
  });

  it('one client failing with made-up names is throttled alone: everyone else still signs in', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push((await signIn('10.22.0.1', password(`made-up-${attempt}`))).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const other = await signIn('10.22.0.2', {
      method: 'dc-password',
      username: 'demo',
      password: 'demo',
    });
    expect(other.status).toBe(200);
  });

  it('bad personal access tokens block the client that sends them, not every token user', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await signIn('10.23.0.1', { method: 'dc-pat', token: `bad-${attempt}` });
      expect(response.status).toBe(401);
    }
    const again = await signIn('10.23.0.1', { method: 'dc-pat', token: 'demo-pat' });
    expect(again.status).toBe(429);
    const colleague = await signIn('10.23.0.2', { method: 'dc-pat', token: 'demo-pat' });
    expect(colleague.status).toBe(200);
  });
});

describe('the sign-in site address (LOG-1, LOG-3)', () => {
  it('refuses an address with a user name and password, saying so, and logs neither', async () => {
    const response = await signIn('10.24.0.1', {
      method: 'dc-password',
      username: 'demo',
      password: 'demo',
      baseUrl: `http://admin:Hunter2-in-url@127.0.0.1:${port}`,
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/must not contain a user name or password/);
    expect(upstreamCalls()).toBe(0);
    expect(JSON.stringify(lines)).not.toContain('Hunter2-in-url');
  });

  it('refuses an overlong address as bad input, before anything is counted or asked', async () => {
    const response = await signIn('10.24.0.4', password('long', `http://${'a'.repeat(5000)}.test`));
    expect(response.status).toBe(400);
    expect(upstreamCalls()).toBe(0);
  });

  it('logs a failed sign-in with the normalised origin only', async () => {
    const response = await signIn('10.24.0.2', {
      ...password('logged'),
      baseUrl: `HTTP://127.1:${port}/confluence/?token=Secret-in-query#frag`,
    });
    expect(response.status).toBe(401);
    const id = response.headers.get('x-request-id');
    const failed = lines.filter((line) => line.requestId === id && line.event === 'login_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.site).toBe(`http://127.0.0.1:${port}`);
    expect(JSON.stringify(lines)).not.toContain('Secret-in-query');

    const context = await signIn('10.24.0.3', password('logged', `${site}/confluence`));
    const contextId = context.headers.get('x-request-id');
    const line = lines.find(
      (entry) => entry.requestId === contextId && entry.event === 'login_failed',
    );
    expect(line?.site).toBe(site);
  });
});
