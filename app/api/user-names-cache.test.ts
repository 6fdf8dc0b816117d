import { beforeEach, describe, expect, it } from 'vitest';

import { GET as versionsRoute } from './pages/[id]/versions/route';
import { GET as namesRoute } from './users/names/route';
import {
  APP,
  params,
  readSandbox,
  SANDBOX,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/** Display names are looked up once per session on the server, counted at the emulator. */
const emulator = startDemoEmulatorPerFile();

const CLOUD_DEMO = { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' };
const ALEX = '5f3a1b2c3d4e5f6a7b8c9d02';
const GONE = '5f3a0000000000000000beef';

function usersBulkCalls(): number {
  return emulator()
    .requests()
    .filter((request) => request.method === 'POST' && request.url.endsWith('/users-bulk')).length;
}

const get = (url: string, cookie: string) => new Request(`${APP}${url}`, { headers: { cookie } });

async function versionAuthors(cookie: string): Promise<string[]> {
  const response = await versionsRoute(
    get(`/api/pages/${SANDBOX}/versions`, cookie),
    params({ id: SANDBOX }),
  );
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { versions: Array<{ by: string }> };
  return answer.versions.map((version) => version.by);
}

describe('Cloud: names cached per session', () => {
  beforeEach(async () => {
    await emulator().reset();
    emulator().clearFaults();
  });

  it('a second request of the same session does not ask users-bulk again; another session does', async () => {
    const first = await signInCookie(CLOUD_DEMO);
    const second = await signInCookie(CLOUD_DEMO);
    emulator().clearRequests();

    const author = async (cookie: string) =>
      ((await (await readSandbox(cookie)).json()) as { page: { version: { by: string } } }).page
        .version.by;
    // The history names every author in one lookup ...
    expect(await versionAuthors(first)).toContain('Demo User');
    expect(usersBulkCalls()).toBe(1);

    // ... so the page and its history again, in the same session, need none.
    expect(await author(first)).toBe('Demo User');
    expect(await versionAuthors(first)).toContain('Demo User');
    expect(usersBulkCalls()).toBe(1);

    // Another sign-in is another session: it asks for itself.
    expect(await author(second)).toBe('Demo User');
    expect(usersBulkCalls()).toBe(2);
  });

  it('mentions: known and unknown people are remembered; a failed lookup shows the fallback label and does not fail', async () => {
    const cookie = await signInCookie(CLOUD_DEMO);
    emulator().clearRequests();
    const names = async () => {
      const response = await namesRoute(get(`/api/users/names?id=${ALEX}&id=${GONE}`, cookie));
      expect(response.status).toBe(200);
      return ((await response.json()) as { names: Record<string, string> }).names;
    };
    expect(await names()).toEqual({ [ALEX]: 'Alex Other', [GONE]: 'Unknown user (5f3a0000…)' });
    expect(await names()).toEqual({ [ALEX]: 'Alex Other', [GONE]: 'Unknown user (5f3a0000…)' });
    expect(usersBulkCalls()).toBe(1);

    const other = await signInCookie(CLOUD_DEMO);
    emulator().setFaults({ serverErrorEvery: 1, pathPattern: 'users-bulk' });
    const response = await namesRoute(get(`/api/users/names?id=${ALEX}`, other));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ names: { [ALEX]: 'Unknown user (5f3a1b2c…)' } });
  });
});
