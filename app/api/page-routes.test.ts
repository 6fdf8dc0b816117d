import { beforeAll, describe, expect, it } from 'vitest';

import * as ancestorsRoute from './pages/[id]/ancestors/route';
import { POST as checkRoute } from './pages/[id]/check/route';
import * as titleCheckRoute from './pages/[id]/title-check/route';
import * as versionsRoute from './pages/[id]/versions/route';
import * as resolveRoute from './pages/resolve/route';
import {
  APP,
  flavours,
  json,
  params,
  readSandbox,
  SANDBOX,
  saveSandbox,
  signIn,
  startDemoEmulatorPerFile,
} from './route-test-support';
import * as sessionRoute from './session/route';

/**
 * The page API end to end against the emulator, in process: sign in, read, save, conflict,
 * invalid storage, title clash; Data Center and Cloud flavours; credentials never echoed.
 */
const emulator = startDemoEmulatorPerFile();

describe.each(flavours)('%s', (_name, credentials) => {
  let cookie = '';

  beforeAll(async () => {
    await emulator().reset();
    const signedIn = await signIn(credentials);
    expect(signedIn.response.status).toBe(200);
    cookie = signedIn.cookie;
  });

  const get = (url: string) => new Request(`${APP}${url}`, { headers: { cookie } });

  it('reads the page with version, parent and body', async () => {
    const response = await readSandbox(cookie);
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
    const { page } = await (await readSandbox(cookie)).json();
    const save = (baseVersion: number, body: string) =>
      saveSandbox(cookie, { baseVersion, title: page.title, body, parentId: page.parentId });
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
    const again = await (await readSandbox(cookie)).json();
    expect(again.page.parentId).toBe(page.parentId);

    const stale = await save(page.version.number, '<p>Stale.</p>');
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'version_conflict', details: { currentVersion: page.version.number + 1 } },
    });
  });

  it('refuses storage Confluence would reject, with positions, before calling Confluence', async () => {
    const response = await saveSandbox(cookie, {
      baseVersion: 1,
      title: 'Sandbox',
      body: '<p>a<br></p>',
      parentId: null,
    });
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
    const { page } = await (await readSandbox(cookie)).json();
    emulator().clearRequests();
    const saved = await saveSandbox(cookie, {
      baseVersion: page.version.number,
      title: page.title,
      body: '<p>Verified from the answer.</p>',
      parentId: page.parentId,
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      version: page.version.number + 1,
      verification: { ok: true, bodyMatches: true, parentUnchanged: true },
    });
    const upstream = emulator()
      .requests()
      .filter((entry) => !entry.url.includes('/__emulator'));
    expect(upstream.map((entry) => entry.method)).toEqual(['PUT']);
  });

  it('answers a title clash with a free title to rename to', async () => {
    const { page } = await (await readSandbox(cookie)).json();
    const response = await saveSandbox(cookie, {
      baseVersion: page.version.number,
      title: 'Release notes',
      body: page.body,
      parentId: page.parentId,
    });
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
    const page = await (await readSandbox(cookie)).json();
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
        `/api/pages/resolve?url=${encodeURIComponent(`${emulator().url}/wiki/spaces/DEMO/pages/${SANDBOX}/Sandbox`)}`,
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
