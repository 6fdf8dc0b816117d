import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import * as moveRoute from './pages/[id]/move/route';
import * as pageRoute from './pages/[id]/route';
import * as sessionRoute from './session/route';

/**
 * What the route tests share: an in-process emulator in demo mode, the app's own request headers,
 * sign-in and the sandbox page. The route handlers run in process, as Next would call them.
 */
export const APP = 'http://127.0.0.1:3999';
export const SANDBOX = '9470040';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Starts a fresh emulator for the calling test file; the getter is valid inside its tests. */
export function startDemoEmulatorPerFile(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, dataFile: null });
    process.env.PAGEWRIGHT_DEMO = '1';
    process.env.PAGEWRIGHT_EMULATOR_URL = emulator.url;
    process.env.PAGEWRIGHT_DEMO_DATA_DIR = mkdtempSync(join(tmpdir(), 'pw-api-'));
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('The emulator starts in beforeAll: use it inside a test.');
    return emulator;
  };
}

/** What the app's own client sends with every state-changing request (SESS-6). */
export const json = {
  origin: APP,
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
  ...CSRF_HEADERS,
};

export function params<P>(value: P) {
  return { params: Promise.resolve(value) };
}

export async function signIn(
  body: Record<string, string>,
): Promise<{ cookie: string; response: Response }> {
  const response = await sessionRoute.POST(
    new Request(`${APP}/api/session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(body),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, response };
}

/** Signs in, expects the session route to accept it, and returns the session cookie. */
export async function signInCookie(body: Record<string, string>): Promise<string> {
  const { cookie, response } = await signIn(body);
  expect(response.status).toBe(200);
  return cookie;
}

export const DEMO_DC_PASSWORD = { method: 'dc-password', username: 'demo', password: 'demo' };

export const flavours = [
  ['Data Center', DEMO_DC_PASSWORD],
  ['Cloud', { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' }],
] as const;

/**
 * Requests as the app's client sends them with a session cookie: `get`, `post` (with the app's
 * headers and a JSON body), and `move`, which POSTs to the move route of page `id`.
 */
export function requestsWith(cookie: string) {
  const get = (url: string) => new Request(`${APP}${url}`, { headers: { cookie } });
  const post = (url: string, body: unknown) =>
    new Request(`${APP}${url}`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
  const move = (id: string, body: unknown) =>
    moveRoute.POST(post(`/api/pages/${id}/move`, body), params({ id }));
  return { get, post, move };
}
export type AppRequests = ReturnType<typeof requestsWith>;

/** The move route's answer to a page moved under one of its own descendants. */
export async function expectRefusedUnderDescendant(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  expect((await response.json()).error.message).toBe(
    'A page cannot be moved under one of its own descendants.',
  );
}

/** GET /api/pages/<sandbox> with the given session cookie. */
export function readSandbox(cookie: string): Promise<Response> {
  return pageRoute.GET(
    new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie } }),
    params({ id: SANDBOX }),
  );
}

/** PUT /api/pages/<sandbox> with the app's headers, the session cookie and a JSON body. */
export function saveSandbox(cookie: string, body: unknown): Promise<Response> {
  return pageRoute.PUT(
    new Request(`${APP}/api/pages/${SANDBOX}`, {
      method: 'PUT',
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    }),
    params({ id: SANDBOX }),
  );
}

/** DELETE /api/session: sign-out. */
export function signOut(headers: Record<string, string>): Promise<Response> {
  return sessionRoute.DELETE(new Request(`${APP}/api/session`, { method: 'DELETE', headers }));
}
