import { beforeAll, describe, expect, it } from 'vitest';

import { POST as checkRoute } from './pages/[id]/check/route';
import { POST as renderRoute } from './render/route';
import {
  APP,
  DEMO_DC_PASSWORD,
  json,
  params,
  readSandbox,
  SANDBOX,
  saveSandbox,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/**
 * A body nested 100,000 levels deep (an attack run saved one upstream, then answered 500):
 * the save and "Check with Confluence" refuse it with the engine's diagnostic before anything
 * reaches Confluence, against the emulator, in process.
 */
const DEEP = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
const emulator = startDemoEmulatorPerFile();
let cookie = '';

beforeAll(async () => {
  cookie = await signInCookie(DEMO_DC_PASSWORD);
});

async function currentPage(): Promise<{
  title: string;
  parentId: string | null;
  version: { number: number };
}> {
  const response = await readSandbox(cookie);
  return (await response.json()).page;
}

/** Requests the app sent to Confluence (the emulator) since the last clear. */
function upstreamCalls(): string[] {
  return emulator()
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
    emulator().clearRequests();
    const response = await saveSandbox(cookie, {
      baseVersion: page.version.number,
      title: page.title,
      body: DEEP,
      parentId: page.parentId,
    });
    await expectDepthRefusal(response);
    expect(upstreamCalls()).toEqual([]);
    expect((await currentPage()).version.number).toBe(page.version.number);
  });

  it('"Check with Confluence" refuses it with the diagnostic, without asking Confluence', async () => {
    emulator().clearRequests();
    const response = await checkRoute(
      new Request(`${APP}/api/pages/${SANDBOX}/check`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({ body: DEEP, spaceKey: 'DEMO' }),
      }),
      params({ id: SANDBOX }),
    );
    await expectDepthRefusal(response);
    expect(upstreamCalls()).toEqual([]);
  });

  it('the exact preview refuses it with the diagnostic, without asking Confluence', async () => {
    emulator().clearRequests();
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
