import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfluenceError } from './errors';
import {
  createGuardedAgent,
  guardedFetch,
  isAddressAllowed,
  type LookupFunction,
} from './guarded-fetch';

let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/redirect') {
      response.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
    } else if (request.url === '/stall') {
      // never answers
    } else if (request.url === '/big') {
      response.end('x'.repeat(5_000));
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const resolvesTo =
  (...addresses: string[]): LookupFunction =>
  (_hostname, _options, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

async function attempt(url: string, options: Parameters<typeof createGuardedAgent>[0]) {
  const agent = createGuardedAgent(options);
  try {
    return await guardedFetch(url, {}, agent, options);
  } catch (error) {
    return error as ConfluenceError;
  } finally {
    await agent.close();
  }
}

describe('isAddressAllowed', () => {
  it.each([
    ['93.184.216.34', false, true],
    ['127.0.0.1', false, false],
    ['10.1.2.3', false, false],
    ['192.168.1.1', false, false],
    ['::1', false, false],
    ['::ffff:127.0.0.1', false, false],
    ['0.0.0.0', true, false],
    ['224.0.0.1', true, false],
    ['169.254.169.254', true, false],
    ['fd00:ec2::254', true, false],
    ['100.100.100.200', true, false],
    ['127.0.0.1', true, true],
    ['10.1.2.3', true, true],
  ])('%s (private ok: %s) → %s', (address, privateOk, allowed) => {
    expect(isAddressAllowed(address, privateOk)).toBe(allowed);
  });
});

describe('guardedFetch (SSRF-3, SSRF-4, SSRF-6)', () => {
  it('reaches an operator-allowed private site', async () => {
    const result = await attempt(`http://127.0.0.1:${port}/ok`, { privateOk: true });
    expect(result).toMatchObject({ status: 200, body: '{"ok":true}' });
  });

  it('refuses a literal loopback address without connecting', async () => {
    const before = hits.length;
    const result = await attempt(`http://127.0.0.1:${port}/ok`, { privateOk: false });
    expect(result).toMatchObject({ kind: 'site_not_allowed' });
    const mapped = await attempt(`http://[::ffff:127.0.0.1]:${port}/ok`, { privateOk: false });
    expect(mapped).toMatchObject({ kind: 'site_not_allowed' });
    expect(hits.length).toBe(before);
  });

  it('checks what a name resolves to at connect time (DNS rebinding)', async () => {
    const before = hits.length;
    const rebound = await attempt(`http://confluence.test:${port}/ok`, {
      privateOk: false,
      lookup: resolvesTo('127.0.0.1'),
    });
    expect(rebound).toMatchObject({ kind: 'site_not_allowed' });
    const metadata = await attempt(`http://confluence.test:${port}/ok`, {
      privateOk: true,
      lookup: resolvesTo('127.0.0.1', '169.254.169.254'),
    });
    expect(metadata).toMatchObject({ kind: 'site_not_allowed' });
    expect(hits.length).toBe(before);
    const allowed = await attempt(`http://confluence.test:${port}/ok`, {
      privateOk: true,
      lookup: resolvesTo('127.0.0.1'),
    });
    expect(allowed).toMatchObject({ status: 200 });
  });

  it('never follows a redirect', async () => {
    const result = await attempt(`http://127.0.0.1:${port}/redirect`, { privateOk: true });
    expect(result).toMatchObject({ kind: 'unexpected_response', details: { status: 302 } });
    expect(hits).not.toContain('/target');
  });

  it('gives up on a stalled answer and caps the size', async () => {
    const stalled = await attempt(`http://127.0.0.1:${port}/stall`, {
      privateOk: true,
      totalTimeoutMs: 300,
    });
    expect(stalled).toMatchObject({ kind: 'timeout' });
    const big = await attempt(`http://127.0.0.1:${port}/big`, { privateOk: true, maxBytes: 1_000 });
    expect(big).toMatchObject({ kind: 'response_too_large', details: { maxBytes: 1_000 } });
  });

  it('reports an unreachable site as a network error', async () => {
    const closed = await attempt('http://127.0.0.1:1/', { privateOk: true });
    expect(closed).toMatchObject({ kind: 'network' });
  });
});
