import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import { POST as checkRoute } from './pages/[id]/check/route';
import * as pageRoute from './pages/[id]/route';
import { POST as renderRoute } from './render/route';
import * as sessionRoute from './session/route';

/**
 * A body nested 100,000 levels deep (an attack run saved one upstream, then answered 500):
 * the save and "Check with Confluence" refuse it with the engine's diagnostic before anything
 * reaches Confluence, against the emulator, in process.
 */
const APP = 'http://127.0.0.1:3999';
const SANDBOX = '9470040';
const DEEP = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let cookie = '';

const json = {
  origin: APP,
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
  ...CSRF_HEADERS,
};

const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
  process.env.PAGEWRIGHT_DEMO = '1';
  process.env.PAGEWRIGHT_EMULATOR_URL = emulator.url;
  process.env.PAGEWRIGHT_DEMO_DATA_DIR = mkdtempSync(join(tmpdir(), 'pw-depth-'));
  const signedIn = await sessionRoute.POST(
    new Request(`${APP}/api/session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ method: 'dc-password', username: 'demo', password: 'demo' }),
    }),
  );
  expect(signedIn.status).toBe(200);
  cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});

afterAll(async () => {
  await emulator?.close();
});

async function currentPage(): Promise<{
  title: string;
  parentId: string | null;
  version: { number: number };
}> {
  const response = await pageRoute.GET(
    new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie } }),
    params(SANDBOX),
  );
  return (await response.json()).page;
}

/** Requests the app sent to Confluence (the emulator) since the last clear. */
function upstreamCalls(): string[] {
  return emulator
    .requests()
    .filter((entry) => !entry.url.includes('/__emulator'))
    .map((entry) => `${entry.method} ${entry.url}`);
}

async function expectDepthRefusal(response: Response): Promise<void> {
  expect(response.status).toBe(422);
  const { error } = await response.json();
  expect(error.code).toBe('invalid_storage');
  expect(error.details.diagnostics).toEqual([
    expect.objectContaining({
      code: 'nesting_too_deep',
      line: 1,
      column: 999 * '<div>'.length + 1,
      message: expect.stringContaining('nested deeper than 999 levels'),
    }),
  ]);
}

describe('100,000 nested elements', () => {
  it('a save is refused with the diagnostic; nothing is written, the version stays', async () => {
    const page = await currentPage();
    emulator.clearRequests();
    const response = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...json, cookie },
        body: JSON.stringify({
          baseVersion: page.version.number,
          title: page.title,
          body: DEEP,
          parentId: page.parentId,
        }),
      }),
      params(SANDBOX),
    );
    await expectDepthRefusal(response);
    expect(upstreamCalls()).toEqual([]);
    expect((await currentPage()).version.number).toBe(page.version.number);
  });

  it('"Check with Confluence" refuses it with the diagnostic, without asking Confluence', async () => {
    emulator.clearRequests();
    const response = await checkRoute(
      new Request(`${APP}/api/pages/${SANDBOX}/check`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({ body: DEEP, spaceKey: 'DEMO' }),
      }),
      params(SANDBOX),
    );
    await expectDepthRefusal(response);
    expect(upstreamCalls()).toEqual([]);
  });

  it('the exact preview refuses it with the diagnostic, without asking Confluence', async () => {
    emulator.clearRequests();
    const response = await renderRoute(
      new Request(`${APP}/api/render`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({ body: DEEP, pageId: SANDBOX }),
      }),
    );
    await expectDepthRefusal(response);
    expect(upstreamCalls()).toEqual([]);
  });
});
