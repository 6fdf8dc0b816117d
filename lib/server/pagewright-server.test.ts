import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clientAddress, SOCKET_ADDRESS_HEADER } from '@/lib/api/client-address';
import { freePort } from '@/lib/testing/free-port';
import { messageFor } from '@/lib/errors';

/**
 * pagewright-server.js is plain CommonJS (the image runs it with bare `node`), so it cannot
 * import lib/errors.ts: its 503 answer repeats the shared wording, and this keeps the copy honest.
 * Its drain and request ids are tested for real in e2e/deploy.
 */
describe('pagewright-server.js', () => {
  it('answers shutdown refusals in the shared error vocabulary', () => {
    const source = readFileSync(join(__dirname, 'pagewright-server.js'), 'utf8');
    expect(source).toContain("code: 'server_unavailable'");
    expect(source.replace(/'\s*\+?\s*\n\s*'/g, '')).toContain(messageFor('server_unavailable'));
  });
});

/**
 * The server run for real, in a folder laid out like the standalone build, with a stand-in for
 * `next` that answers each request with the headers the app would see and the token the server
 * left in its process's environment.
 */
const FAKE_NEXT = `
module.exports = () => ({
  prepare: async () => {},
  close: async () => {},
  getRequestHandler: () => async (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ headers: req.headers, env: { ...process.env } }));
  },
});`;

interface Seen {
  headers: Record<string, string>;
  env: Record<string, string>;
}

let dir = '';
let server: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pagewright-server-'));
  copyFileSync(join(__dirname, 'pagewright-server.js'), join(dir, 'pagewright-server.js'));
  mkdirSync(join(dir, '.next'));
  writeFileSync(join(dir, '.next', 'required-server-files.json'), '{"config":{}}');
  mkdirSync(join(dir, 'node_modules', 'next'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'next', 'index.js'), FAKE_NEXT);
  // The server runs the app's start-up checks (instrumentation) before it listens; the stand-in has none.
  const instrumentation = join(
    dir,
    'node_modules',
    'next',
    'dist',
    'server',
    'lib',
    'router-utils',
  );
  mkdirSync(instrumentation, { recursive: true });
  writeFileSync(
    join(instrumentation, 'instrumentation-globals.external.js'),
    'exports.ensureInstrumentationRegistered = async () => {};',
  );
  port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'pagewright-server.js')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      // An operator's value must not survive: the server picks its own.
      PAGEWRIGHT_SOCKET_ADDRESS_TOKEN: 'chosen-by-someone-else',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  server = child;
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}, 20_000);

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** One request from `localAddress` (any 127.x address reaches a loopback listener on Linux). */
function fromAddress(localAddress: string, headers: Record<string, string> = {}): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/session', localAddress, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body) as Seen));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function asRequest(seen: Seen): Request {
  return new Request('http://app.test/api/session', { headers: seen.headers });
}

describe('pagewright-server.js: the client address it passes to the app', () => {
  it('is the socket address, which the app believes', async () => {
    const seen = await fromAddress('127.0.0.2');
    expect(seen.env.PAGEWRIGHT_SOCKET_ADDRESS_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(clientAddress(asRequest(seen), seen.env)).toBe('127.0.0.2');
  });

  it('replaces any copy a client sends, and X-Forwarded-For counts only with TRUST_PROXY=1', async () => {
    const seen = await fromAddress('127.0.0.3', {
      [SOCKET_ADDRESS_HEADER]: 'chosen-by-someone-else 203.0.113.9',
      'x-forwarded-for': '198.51.100.4',
    });
    expect(seen.headers[SOCKET_ADDRESS_HEADER]).not.toContain('203.0.113.9');
    expect(seen.headers[SOCKET_ADDRESS_HEADER]).not.toContain('chosen-by-someone-else');
    expect(clientAddress(asRequest(seen), seen.env)).toBe('127.0.0.3');
    expect(clientAddress(asRequest(seen), { ...seen.env, TRUST_PROXY: '1' })).toBe('198.51.100.4');
  });

  it('gives each client its own address', async () => {
    const [a, b] = await Promise.all([fromAddress('127.0.0.4'), fromAddress('127.0.0.5')]);
    expect(clientAddress(asRequest(a), a.env)).toBe('127.0.0.4');
    expect(clientAddress(asRequest(b), b.env)).toBe('127.0.0.5');
  });
});
