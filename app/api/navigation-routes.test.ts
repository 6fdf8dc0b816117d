import { beforeAll, describe, expect, it } from 'vitest';

import * as createRoute from './pages/route';
import * as childrenRoute from './pages/[id]/children/route';
import * as moveRoute from './pages/[id]/move/route';
import * as treeRoute from './pages/[id]/tree/route';
import * as searchRoute from './pages/search/route';
import * as spacesRoute from './spaces/route';
import {
  APP,
  type AppRequests,
  DEMO_DC_PASSWORD,
  expectRefusedUnderDescendant,
  flavours,
  json,
  params,
  requestsWith,
  SANDBOX,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/**
 * Open by title, the page tree, create and move through the routes, against the emulator in
 * process, on both flavours; then what the routes refuse: cross-site requests, bad input, and
 * anything that would send a request elsewhere than the signed-in site.
 */
const DEMO_HOME = '9469953';
const ROADMAP = '9470048';
const emulator = startDemoEmulatorPerFile();

describe.each(flavours)('%s', (_name, credentials) => {
  let get: AppRequests['get'];
  let post: AppRequests['post'];
  let move: AppRequests['move'];
  beforeAll(async () => {
    await emulator().reset();
    ({ get, post, move } = requestsWith(await signInCookie(credentials)));
  });

  it('offers pages by title with their space', async () => {
    const response = await searchRoute.GET(get('/api/pages/search?q=Sandb'));
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(
      results.map((r: { title: string; spaceKey: string }) => `${r.spaceKey}/${r.title}`).sort(),
    ).toEqual(['DEMO/Sandbox', 'TEAM/Sandbox']);
  });

  it('refuses a one-character search before asking Confluence', async () => {
    emulator().clearRequests();
    const response = await searchRoute.GET(get('/api/pages/search?q=S'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/two characters/);
    expect(emulator().requests()).toHaveLength(0);
  });

  it('answers the tree around a page, and children on demand', async () => {
    const tree = await (
      await treeRoute.GET(get(`/api/pages/${SANDBOX}/tree`), params({ id: SANDBOX }))
    ).json();
    expect(tree.ancestors).toEqual([{ id: DEMO_HOME, title: 'Demo Home', kind: 'page' }]);
    expect(tree.siblings.map((node: { id: string }) => node.id)).toContain(SANDBOX);
    const children = await (
      await childrenRoute.GET(get(`/api/pages/${DEMO_HOME}/children`), params({ id: DEMO_HOME }))
    ).json();
    expect(children.children.length).toBe(tree.siblings.length);
  });

  it('lists the spaces', async () => {
    const { spaces } = await (await spacesRoute.GET(get('/api/spaces'))).json();
    expect(spaces.map((space: { key: string }) => space.key)).toEqual(
      expect.arrayContaining(['DEMO', 'TEAM']),
    );
  });

  it('creates a child of Sandbox, refuses its title again (any case), then moves it under Roadmap', async () => {
    const created = await createRoute.POST(
      post('/api/pages', { spaceKey: 'DEMO', title: 'Route child', parentId: SANDBOX }),
    );
    expect(created.status).toBe(200);
    const { id } = await created.json();
    expect(id).toMatch(/^\d+$/);

    const again = await createRoute.POST(
      post('/api/pages', { spaceKey: 'DEMO', title: 'route CHILD', parentId: null }),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({
      code: 'title_clash',
      details: { clash: { id, title: 'Route child' } },
    });

    const moved = await move(id, { newParentId: ROADMAP, baseVersion: 1 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      version: 2,
      ancestors: [
        { id: DEMO_HOME, kind: 'page' },
        { id: ROADMAP, title: 'Roadmap', kind: 'page' },
      ],
    });
    const tree = await (
      await treeRoute.GET(get(`/api/pages/${ROADMAP}/tree`), params({ id: ROADMAP }))
    ).json();
    expect(tree.children.map((node: { title: string }) => node.title)).toEqual(['Route child']);

    const stale = await move(id, { newParentId: SANDBOX, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2 },
    });
  });

  it('refuses moving a page under its own descendant with a clear message', async () => {
    await expectRefusedUnderDescendant(
      await move(DEMO_HOME, { newParentId: SANDBOX, baseVersion: 1 }),
    );
    expect(emulator().page(DEMO_HOME)!.current.number).toBe(1);
  });
});

describe('what the navigation routes refuse', () => {
  let cookie = '';
  beforeAll(async () => {
    await emulator().reset();
    cookie = await signInCookie(DEMO_DC_PASSWORD);
  });

  type Route = (request: Request) => Promise<Response>;
  const mutations: Array<[string, Route, string, unknown]> = [
    [
      'create',
      (request) => createRoute.POST(request),
      '/api/pages',
      { spaceKey: 'DEMO', title: 'X', parentId: null },
    ],
    [
      'move',
      (request) => moveRoute.POST(request, params({ id: SANDBOX })),
      `/api/pages/${SANDBOX}/move`,
      { newParentId: ROADMAP, baseVersion: 1 },
    ],
  ];

  it.each(mutations)(
    '%s: a cross-site request, or one without the CSRF header (SESS-6)',
    async (_what, route, url, body) => {
      const { 'x-cfe-csrf': _marker, ...unmarked } = json;
      emulator().clearRequests();
      for (const headers of [
        { ...json, origin: 'https://evil.test', 'sec-fetch-site': 'cross-site', cookie },
        { ...unmarked, cookie },
      ]) {
        const response = await route(
          new Request(`${APP}${url}`, { method: 'POST', headers, body: JSON.stringify(body) }),
        );
        expect(response.status).toBe(403);
        expect((await response.json()).error.code).toBe('csrf_rejected');
      }
      expect(emulator().requests()).toHaveLength(0);
    },
  );

  it.each([
    ['a space key that is a path', { spaceKey: '../../admin', title: 'X', parentId: null }],
    ['a space key that is a URL', { spaceKey: 'https://evil.test', title: 'X', parentId: null }],
    ['a parent id that is a URL', { spaceKey: 'DEMO', title: 'X', parentId: '//evil.test/x' }],
    ['an empty title', { spaceKey: 'DEMO', title: '   ', parentId: null }],
    ['a title over 255 characters', { spaceKey: 'DEMO', title: 'x'.repeat(256), parentId: null }],
  ])('create refuses %s before any request leaves', async (_what, body) => {
    emulator().clearRequests();
    const response = await createRoute.POST(
      new Request(`${APP}/api/pages`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_request');
    expect(emulator().requests()).toHaveLength(0);
  });

  it.each([
    ['a parent id with a host', { newParentId: 'evil.test', baseVersion: 1 }],
    ['no base version', { newParentId: ROADMAP }],
    [
      'a folder kind that is not one',
      { newParentId: ROADMAP, newParentKind: 'url', baseVersion: 1 },
    ],
  ])('move refuses %s before any request leaves', async (_what, body) => {
    emulator().clearRequests();
    const response = await moveRoute.POST(
      new Request(`${APP}/api/pages/${SANDBOX}/move`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify(body),
      }),
      params({ id: SANDBOX }),
    );
    expect(response.status).toBe(400);
    expect(emulator().requests()).toHaveLength(0);
  });

  it('search and tree take no address: a URL is search text or a 400, and only the site is asked', async () => {
    emulator().clearRequests();
    const search = await searchRoute.GET(
      new Request(
        `${APP}/api/pages/search?q=${encodeURIComponent('http://evil.test/x')}&spaceKey=${encodeURIComponent('//evil.test')}`,
        {
          headers: { cookie },
        },
      ),
    );
    expect(search.status).toBe(400);
    const tree = await treeRoute.GET(
      new Request(`${APP}/api/pages/x/tree`, { headers: { cookie } }),
      params({ id: '//evil.test' }),
    );
    expect(tree.status).toBe(400);
    const children = await childrenRoute.GET(
      new Request(`${APP}/api/pages/${SANDBOX}/children?kind=../x`, { headers: { cookie } }),
      params({ id: SANDBOX }),
    );
    expect(children.status).toBe(400);
    expect(emulator().requests()).toHaveLength(0);
    const text = await searchRoute.GET(
      new Request(`${APP}/api/pages/search?q=${encodeURIComponent('http://evil.test/x')}`, {
        headers: { cookie },
      }),
    );
    expect(text.status).toBe(200);
    expect(emulator().requests().length).toBeGreaterThan(0);
  });

  it('needs a session', async () => {
    const response = await searchRoute.GET(new Request(`${APP}/api/pages/search?q=Sandbox`));
    expect(response.status).toBe(401);
  });
});
