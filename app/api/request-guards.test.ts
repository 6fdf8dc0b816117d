import { describe, expect, it } from 'vitest';

import * as pageRoute from './pages/[id]/route';
import {
  APP,
  DEMO_DC_PASSWORD,
  json,
  params,
  readSandbox,
  SANDBOX,
  signIn,
  signOut,
  startDemoEmulatorPerFile,
} from './route-test-support';

/**
 * What the routes refuse before any call to Confluence: no session, a bad page id, another
 * site's request, a missing CSRF header, a session over its request budget.
 */
const emulator = startDemoEmulatorPerFile();

describe('without a session or from another site', () => {
  it('asks to sign in', async () => {
    const response = await pageRoute.GET(
      new Request(`${APP}/api/pages/${SANDBOX}`),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('not_signed_in');
  });

  it('rejects a page id that is not a number without any upstream call', async () => {
    const { cookie } = await signIn(DEMO_DC_PASSWORD);
    for (const id of ['../../admin', '1?x', '1#']) {
      const response = await pageRoute.GET(
        new Request(`${APP}/api/pages/x`, { headers: { cookie } }),
        params({ id }),
      );
      expect(response.status).toBe(400);
    }
  });

  it('gives one generic answer for every failed sign-in', async () => {
    const wrong = await signIn({ method: 'dc-password', username: 'demo', password: 'wrong' });
    const elsewhere = await signIn({
      method: 'dc-password',
      username: 'x',
      password: 'y',
      baseUrl: 'https://evil.test',
    });
    expect(wrong.response.status).toBe(401);
    expect(elsewhere.response.status).toBe(401);
    const strip = (body: { error: { requestId?: string } }) => ({
      ...body.error,
      requestId: undefined,
    });
    expect(strip(await wrong.response.json())).toEqual(strip(await elsewhere.response.json()));
  });

  it('refuses a cross-site save', async () => {
    const response = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { origin: 'https://evil.test', 'content-type': 'application/json' },
        body: '{}',
      }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(403);
  });

  it('refuses a save without the X-CFE-CSRF header before any call to Confluence (SESS-6)', async () => {
    const { cookie } = await signIn(DEMO_DC_PASSWORD);
    const { 'x-cfe-csrf': _marker, ...unmarked } = json;
    emulator().clearRequests();
    const response = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...unmarked, cookie },
        body: JSON.stringify({ baseVersion: 1, title: 'Sandbox', body: '<p>forged</p>' }),
      }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      code: 'csrf_rejected',
      details: { reason: 'no csrf header' },
    });
    expect(emulator().requests()).toHaveLength(0);
    const refusedSignOut = await signOut({ ...unmarked, cookie });
    expect(refusedSignOut.status).toBe(403);
  });

  it('answers with Vary: Origin, Sec-Fetch-Site, refused or not (SESS-6)', async () => {
    const { cookie, response: signedIn } = await signIn(DEMO_DC_PASSWORD);
    const read = await readSandbox(cookie);
    const refused = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...json, origin: 'https://evil.test', cookie },
        body: '{}',
      }),
      params({ id: SANDBOX }),
    );
    for (const [what, response] of [
      ['sign-in', signedIn],
      ['read', read],
      ['refused save', refused],
    ] as const) {
      expect(response.headers.get('vary'), what).toBe('Origin, Sec-Fetch-Site');
      expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
  });
});

describe('per-session request budget (RATE-3)', () => {
  it('answers 429 with Retry-After past the budget, without calling Confluence', async () => {
    const { cookie } = await signIn(DEMO_DC_PASSWORD);
    const previous = process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE;
    process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE = '5';
    try {
      const open = () => readSandbox(cookie);
      for (let i = 0; i < 5; i++) expect((await open()).status).toBe(200);
      emulator().clearRequests();
      const refused = await open();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe('rate_limited');
      expect(emulator().requests()).toHaveLength(0);
    } finally {
      if (previous === undefined) delete process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE;
      else process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE = previous;
    }
  });
});
