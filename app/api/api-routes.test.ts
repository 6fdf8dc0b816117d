import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import * as pageRoute from './pages/[id]/route';
import * as ancestorsRoute from './pages/[id]/ancestors/route';
import { POST as checkRoute } from './pages/[id]/check/route';
import { GET as getAttachmentRoute } from './pages/[id]/attachments/[filename]/route';
import * as titleCheckRoute from './pages/[id]/title-check/route';
import * as versionsRoute from './pages/[id]/versions/route';
import * as resolveRoute from './pages/resolve/route';
import { POST as renderRoute } from './render/route';
import * as sessionRoute from './session/route';

/**
 * The page API end to end against the emulator, in process: sign in, read, save, conflict,
 * invalid storage, title clash; Data Center and Cloud flavours; credentials never echoed.
 */
const APP = 'http://127.0.0.1:3999';
const SANDBOX = '9470040';
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
  process.env.PAGEWRIGHT_DEMO = '1';
  process.env.PAGEWRIGHT_EMULATOR_URL = emulator.url;
  process.env.PAGEWRIGHT_DEMO_DATA_DIR = mkdtempSync(join(tmpdir(), 'pw-api-'));
});

afterAll(async () => {
  await emulator?.close();
});

/** What the app's own client sends with every state-changing request (SESS-6). */
const json = {
  origin: APP,
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
  ...CSRF_HEADERS,
};

function params<P>(value: P) {
  return { params: Promise.resolve(value) };
}

async function signIn(
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

const flavours = [
  ['Data Center', { method: 'dc-password', username: 'demo', password: 'demo' }],
  ['Cloud', { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' }],
] as const;

describe.each(flavours)('%s', (_name, credentials) => {
  let cookie = '';

  beforeAll(async () => {
    await emulator.reset();
    const signedIn = await signIn(credentials);
    expect(signedIn.response.status).toBe(200);
    cookie = signedIn.cookie;
  });

  const get = (url: string) => new Request(`${APP}${url}`, { headers: { cookie } });

  it('reads the page with version, parent and body', async () => {
    const response = await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }));
    expect(response.status).toBe(200);
    const { page } = await response.json();
    expect(page).toMatchObject({ id: SANDBOX, title: 'Sandbox', spaceKey: 'DEMO' });
    expect(page.version.number).toBeGreaterThanOrEqual(1);
    expect(page.parentId).toBe(page.ancestors.at(-1).id);
    expect(page.body).toContain('<');
  });

  it('reads the breadcrumb, root first', async () => {
    const response = await ancestorsRoute.GET(
      get(`/api/pages/${SANDBOX}/ancestors`),
      params({ id: SANDBOX }),
    );
    const { ancestors } = await response.json();
    expect(ancestors.at(-1).title).toBe('Demo Home');
  });

  it('saves as base+1, keeps the parent, then answers a stale save with a conflict', async () => {
    const { page } = await (
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }))
    ).json();
    const save = (baseVersion: number, body: string) =>
      pageRoute.PUT(
        new Request(`${APP}/api/pages/${SANDBOX}`, {
          method: 'PUT',
          headers: { ...json, cookie },
          body: JSON.stringify({ baseVersion, title: page.title, body, parentId: page.parentId }),
        }),
        params({ id: SANDBOX }),
      );
    const saved = await save(page.version.number, '<p>Saved by the API test.</p>');
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      version: page.version.number + 1,
      verification: {
        ok: true,
        version: page.version.number + 1,
        versionMatches: true,
        titleMatches: true,
        parentUnchanged: true,
        bodyMatches: true,
      },
    });
    const again = await (
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }))
    ).json();
    expect(again.page.parentId).toBe(page.parentId);

    const stale = await save(page.version.number, '<p>Stale.</p>');
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'version_conflict', details: { currentVersion: page.version.number + 1 } },
    });
  });

  it('refuses storage Confluence would reject, with positions, before calling Confluence', async () => {
    const response = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...json, cookie },
        body: JSON.stringify({
          baseVersion: 1,
          title: 'Sandbox',
          body: '<p>a<br></p>',
          parentId: null,
        }),
      }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_storage');
    expect(error.details.diagnostics[0]).toMatchObject({
      line: 1,
      column: 5,
      code: 'void_element_not_closed',
    });
  });

  it('saves and verifies with one upstream call: the answer carries the stored page', async () => {
    const { page } = await (
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }))
    ).json();
    emulator.clearRequests();
    const saved = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...json, cookie },
        body: JSON.stringify({
          baseVersion: page.version.number,
          title: page.title,
          body: '<p>Verified from the answer.</p>',
          parentId: page.parentId,
        }),
      }),
      params({ id: SANDBOX }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      version: page.version.number + 1,
      verification: { ok: true, bodyMatches: true, parentUnchanged: true },
    });
    const upstream = emulator.requests().filter((entry) => !entry.url.includes('/__emulator'));
    expect(upstream.map((entry) => entry.method)).toEqual(['PUT']);
  });

  it('answers a title clash with a free title to rename to', async () => {
    const { page } = await (
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }))
    ).json();
    const response = await pageRoute.PUT(
      new Request(`${APP}/api/pages/${SANDBOX}`, {
        method: 'PUT',
        headers: { ...json, cookie },
        body: JSON.stringify({
          baseVersion: page.version.number,
          title: 'Release notes',
          body: page.body,
          parentId: page.parentId,
        }),
      }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('title_clash');
    expect(error.details).toMatchObject({
      confluence: expect.stringContaining('A page with this title already exists'),
      suggestedTitle: 'Release notes (2)',
    });
  });

  it('checks a body with Confluence: parse error, unknown macro, missing page and attachment', async () => {
    const check = async (body: string, spaceKey?: string) => {
      const response = await checkRoute(
        new Request(`${APP}/api/pages/${SANDBOX}/check`, {
          method: 'POST',
          headers: { ...json, cookie },
          body: JSON.stringify({ body, ...(spaceKey ? { spaceKey } : {}) }),
        }),
        params({ id: SANDBOX }),
      );
      expect(response.status).toBe(200);
      return response.json();
    };
    const good = await check(
      '<p><ac:link><ri:page ri:content-title="Demo Home"/></ac:link> <ac:link><ri:page ri:space-key="TEAM" ri:content-title="Team Home"/></ac:link> <ac:image><ri:attachment ri:filename="gradient.png"><ri:page ri:content-title="Page with attachments"/></ri:attachment></ac:image></p>',
    );
    expect(good).toEqual({ diagnostics: [], lookups: 4, notChecked: [] });

    const warned = await check(
      [
        '<p><ac:link><ri:page ri:content-title="No such page 8c1"/></ac:link></p>',
        '<ac:structured-macro ac:name="no-such-macro"/>',
        '<p><ac:image><ri:attachment ri:filename="missing.png"/></ac:image></p>',
        '<p><ac:link><ri:user ri:account-id="557058:f00"/></ac:link></p>',
      ].join('\n'),
      'DEMO',
    );
    expect(
      warned.diagnostics.map((d: { code: string; line: number; column: number }) => [
        d.code,
        d.line,
        d.column,
      ]),
    ).toEqual([
      ['unresolved_page_reference', 1, 13],
      ['confluence_unknown_macro', 2, 1],
      ['unresolved_attachment_reference', 3, 14],
    ]);
    expect(warned.notChecked).toEqual(['1 user mention (Pagewright cannot look people up yet)']);

    const firstLine = await check('<p>a<br></p>');
    expect(firstLine.diagnostics).toEqual([
      expect.objectContaining({ code: 'void_element_not_closed', line: 1, column: 5 }),
    ]);
    const broken = await check('<p>one</p>\n<p>a<br>b</p>');
    expect(broken.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'void_element_not_closed',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 9,
      }),
    ]);
  });

  it('says whether a title is free', async () => {
    const page = await (
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX }))
    ).json();
    const check = async (title: string) =>
      (
        await titleCheckRoute.GET(
          get(
            `/api/pages/${SANDBOX}/title-check?title=${encodeURIComponent(title)}&spaceKey=${page.page.spaceKey}`,
          ),
          params({ id: SANDBOX }),
        )
      ).json();
    expect(await check('A title nobody uses 7f3a')).toMatchObject({ free: true, clash: null });
    expect(await check('Demo Home')).toMatchObject({ free: false, clash: { title: 'Demo Home' } });
    expect(await check('Sandbox')).toMatchObject({ free: true, isThisPage: true });
  });

  it('lists versions and resolves pasted URLs', async () => {
    const versions = await (
      await versionsRoute.GET(get(`/api/pages/${SANDBOX}/versions`), params({ id: SANDBOX }))
    ).json();
    expect(versions.versions.length).toBeGreaterThanOrEqual(2);
    const resolved = await resolveRoute.GET(
      get(
        `/api/pages/resolve?url=${encodeURIComponent(`${emulator.url}/wiki/spaces/DEMO/pages/${SANDBOX}/Sandbox`)}`,
      ),
    );
    expect(await resolved.json()).toEqual({ id: SANDBOX });
  });

  it('never returns the credentials', async () => {
    const response = await sessionRoute.GET(get('/api/session'));
    const text = await response.text();
    for (const secret of Object.values(credentials).filter(
      (v) => v.length > 4 && !v.includes('@'),
    )) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text).session).toMatchObject({ displayName: expect.any(String) });
  });
});

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
    const { cookie } = await signIn({ method: 'dc-password', username: 'demo', password: 'demo' });
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
    const { cookie } = await signIn({ method: 'dc-password', username: 'demo', password: 'demo' });
    const { 'x-cfe-csrf': _marker, ...unmarked } = json;
    emulator.clearRequests();
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
    expect(emulator.requests()).toHaveLength(0);
    const signOut = await sessionRoute.DELETE(
      new Request(`${APP}/api/session`, { method: 'DELETE', headers: { ...unmarked, cookie } }),
    );
    expect(signOut.status).toBe(403);
  });

  it('answers with Vary: Origin, Sec-Fetch-Site, refused or not (SESS-6)', async () => {
    const { cookie, response: signedIn } = await signIn({
      method: 'dc-password',
      username: 'demo',
      password: 'demo',
    });
    const read = await pageRoute.GET(
      new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie } }),
      params({ id: SANDBOX }),
    );
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

describe('session lifecycle', () => {
  it('signs out for good: the old cookie no longer works (SESS-5)', async () => {
    const { cookie } = await signIn({ method: 'dc-password', username: 'demo', password: 'demo' });
    const read = () =>
      pageRoute.GET(
        new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie } }),
        params({ id: SANDBOX }),
      );
    expect((await read()).status).toBe(200);
    const out = await sessionRoute.DELETE(
      new Request(`${APP}/api/session`, { method: 'DELETE', headers: { ...json, cookie } }),
    );
    expect(out.status).toBe(204);
    expect(out.headers.get('clear-site-data')).toContain('cache');
    expect((await read()).status).toBe(401);
  });

  it('treats a tampered cookie as signed out (SESS-8)', async () => {
    const { cookie } = await signIn({ method: 'dc-password', username: 'demo', password: 'demo' });
    const tampered = cookie.replace(/.{4}$/, 'AAAA');
    const response = await pageRoute.GET(
      new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie: tampered } }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(401);
  });

  it('marks the cookie httpOnly and SameSite=Lax (SESS-2)', async () => {
    const { response } = await signIn({
      method: 'dc-password',
      username: 'demo',
      password: 'demo',
    });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe('sign-in throttling (RATE-1)', () => {
  it('blocks the sixth failure in a row for one user without asking Confluence', async () => {
    const username = `intruder-${Date.now()}`;
    emulator.clearRequests();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { response } = await signIn({ method: 'dc-password', username, password: 'guess' });
      statuses.push(response.status);
      if (attempt === 5) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const upstream = emulator
      .requests()
      .filter((entry) => entry.url.split('?')[0]!.endsWith('/user/current'));
    expect(upstream).toHaveLength(5);
  });
});

describe('attachments and Confluence rendering', () => {
  it.each(flavours)('streams an attachment image (%s)', async (_name, credentials) => {
    const { cookie } = await signIn(credentials);
    const response = await getAttachmentRoute(
      new Request(`${APP}/api/pages/9470043/attachments/gradient.png`, { headers: { cookie } }),
      params({ id: '9470043', filename: 'gradient.png' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.each(flavours)(
    "renders through Confluence's converter and reports its parse errors (%s)",
    async (_name, credentials) => {
      const { cookie } = await signIn(credentials);
      const render = (body: string) =>
        renderRoute(
          new Request(`${APP}/api/render`, {
            method: 'POST',
            headers: { ...json, cookie },
            body: JSON.stringify({ body, pageId: SANDBOX }),
          }),
        );
      const ok = await render('<p>Hello <strong>world</strong></p>');
      expect(ok.status).toBe(200);
      expect((await ok.json()).html).toContain('<strong>world</strong>');
      const bad = await render('<p>a<br></p>');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.details.diagnostics[0]).toMatchObject({ line: 1 });
    },
  );
});

describe('credentials never reach a log line or a response (LOG-2, SESS-3)', () => {
  it('holds for a whole journey with a known fake token', async () => {
    const { Writable } = await import('node:stream');
    const { useLogDestination } = await import('@/lib/log/logger');
    const lines: string[] = [];
    useLogDestination(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
      'debug',
    );
    const token = 'demo-token';
    const bodies: string[] = [];
    const record = async (response: Response) => {
      bodies.push(await response.clone().text());
      for (const [name, value] of response.headers) if (name !== 'set-cookie') bodies.push(value);
      return response;
    };
    const { cookie, response } = await signIn({
      method: 'cloud-token',
      email: 'demo@example.com',
      token,
    });
    await record(response);
    const get = (url: string) => new Request(`${APP}${url}`, { headers: { cookie } });
    const loaded = await record(
      await pageRoute.GET(get(`/api/pages/${SANDBOX}`), params({ id: SANDBOX })),
    );
    const { page } = await loaded.json();
    const save = (baseVersion: number) =>
      pageRoute.PUT(
        new Request(`${APP}/api/pages/${SANDBOX}`, {
          method: 'PUT',
          headers: { ...json, cookie },
          body: JSON.stringify({
            baseVersion,
            title: page.title,
            body: '<p>journey</p>',
            parentId: page.parentId,
          }),
        }),
        params({ id: SANDBOX }),
      );
    await record(await save(page.version.number));
    await record(await save(page.version.number)); // conflict
    await record(await sessionRoute.GET(get('/api/session')));
    await record(
      await signIn({
        method: 'cloud-token',
        email: 'demo@example.com',
        token: 'wrong-token-value',
      }).then((r) => r.response),
    );
    await record(
      await sessionRoute.DELETE(
        new Request(`${APP}/api/session`, { method: 'DELETE', headers: { ...json, cookie } }),
      ),
    );
    expect(lines.length).toBeGreaterThan(3);
    const everything = [...lines, ...bodies].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('wrong-token-value');
    expect(everything).not.toContain(Buffer.from(`demo@example.com:${token}`).toString('base64'));
    expect(cookie).not.toContain(token);
  });
});

describe('flavour', () => {
  it('follows the credentials in demo mode, and can be forced', async () => {
    const read = async (cookie: string) =>
      (
        await (
          await sessionRoute.GET(new Request(`${APP}/api/session`, { headers: { cookie } }))
        ).json()
      ).session;
    const dc = await signIn({ method: 'dc-pat', token: 'demo-pat' });
    expect(await read(dc.cookie)).toMatchObject({ flavour: 'datacenter' });
    const cloud = await signIn({
      method: 'cloud-token',
      email: 'demo@example.com',
      token: 'demo-token',
    });
    expect(await read(cloud.cookie)).toMatchObject({ flavour: 'cloud' });
    // The emulator's Cloud side accepts the API token as a Bearer token, as real Cloud does.
    const forced = await signIn({ method: 'dc-pat', token: 'demo-token', flavour: 'cloud' });
    expect(await read(forced.cookie)).toMatchObject({ flavour: 'cloud' });
  });
});

describe('per-session request budget (RATE-3)', () => {
  it('answers 429 with Retry-After past the budget, without calling Confluence', async () => {
    const { cookie } = await signIn({ method: 'dc-password', username: 'demo', password: 'demo' });
    const previous = process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE;
    process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE = '5';
    try {
      const open = () =>
        pageRoute.GET(
          new Request(`${APP}/api/pages/${SANDBOX}`, { headers: { cookie } }),
          params({ id: SANDBOX }),
        );
      for (let i = 0; i < 5; i++) expect((await open()).status).toBe(200);
      emulator.clearRequests();
      const refused = await open();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe('rate_limited');
      expect(emulator.requests()).toHaveLength(0);
    } finally {
      if (previous === undefined) delete process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE;
      else process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE = previous;
    }
  });
});
