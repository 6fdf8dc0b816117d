import { beforeEach, describe, expect, it } from 'vitest';

import { SEED_IDS } from '@/lib/emulator';

import * as pageRoute from './pages/[id]/route';
import * as ancestorsRoute from './pages/[id]/ancestors/route';
import * as childrenRoute from './pages/[id]/children/route';
import * as moveRoute from './pages/[id]/move/route';
import * as treeRoute from './pages/[id]/tree/route';
import * as searchRoute from './pages/search/route';
import {
  APP,
  DEMO_DC_PASSWORD,
  flavours,
  json,
  params,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/**
 * Cloud folders through the routes, against the emulator's seeded "Design docs" folder: the
 * tree, the breadcrumb, the Move type-ahead and a move into the folder; Data Center refuses them.
 */
const { demoHome, designFolder, architecturePage, decisionLogPage, roadmap } = SEED_IDS;
const emulator = startDemoEmulatorPerFile();
const CLOUD = flavours[1][1];

function requests(cookie: string) {
  return {
    get: (url: string) => new Request(`${APP}${url}`, { headers: { cookie } }),
    post: (url: string, body: unknown) =>
      new Request(`${APP}${url}`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify(body),
      }),
  };
}

describe('Cloud folders through the routes', () => {
  let get: (url: string) => Request;
  let post: (url: string, body: unknown) => Request;
  beforeEach(async () => {
    await emulator().reset();
    ({ get, post } = requests(await signInCookie(CLOUD)));
  });

  it('the tree shows the folder as a folder, and opens it on demand', async () => {
    const tree = await (
      await treeRoute.GET(
        get(`/api/pages/${architecturePage}/tree`),
        params({ id: architecturePage }),
      )
    ).json();
    expect(tree.ancestors).toEqual([
      { id: demoHome, title: 'Demo Home', kind: 'page' },
      { id: designFolder, title: 'Design docs', kind: 'folder' },
    ]);
    const children = await (
      await childrenRoute.GET(
        get(`/api/pages/${designFolder}/children?kind=folder`),
        params({ id: designFolder }),
      )
    ).json();
    expect(children.children).toEqual([
      { id: architecturePage, title: 'Architecture overview', kind: 'page' },
      { id: decisionLogPage, title: 'Decision log', kind: 'page' },
    ]);
  });

  it("the page's breadcrumb holds the folder", async () => {
    const response = await pageRoute.GET(
      get(`/api/pages/${decisionLogPage}`),
      params({ id: decisionLogPage }),
    );
    const { page } = await response.json();
    expect(page.ancestors).toEqual([
      { id: demoHome, title: 'Demo Home', kind: 'page' },
      { id: designFolder, title: 'Design docs', kind: 'folder' },
    ]);
  });

  it('Move offers the folder, reads its ancestors, and moves a page into it', async () => {
    const found = await (await searchRoute.GET(get('/api/pages/search?q=Design&folders=1'))).json();
    expect(found.results).toEqual([
      expect.objectContaining({ id: designFolder, kind: 'folder', spaceKey: 'DEMO' }),
    ]);
    const ancestors = await (
      await ancestorsRoute.GET(
        get(`/api/pages/${designFolder}/ancestors?kind=folder`),
        params({ id: designFolder }),
      )
    ).json();
    expect(ancestors.ancestors).toEqual([{ id: demoHome, title: 'Demo Home', kind: 'page' }]);

    const moved = await moveRoute.POST(
      post(`/api/pages/${roadmap}/move`, {
        newParentId: designFolder,
        newParentKind: 'folder',
        baseVersion: 1,
      }),
      params({ id: roadmap }),
    );
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      version: 2,
      ancestors: [
        { id: demoHome, kind: 'page' },
        { id: designFolder, title: 'Design docs', kind: 'folder' },
      ],
    });
    expect(emulator().page(roadmap)!.current).toMatchObject({
      parentId: designFolder,
      title: 'Roadmap',
      number: 2,
    });
  });

  it('refuses moving a page into a folder below it, with a clear message', async () => {
    const response = await moveRoute.POST(
      post(`/api/pages/${demoHome}/move`, {
        newParentId: designFolder,
        newParentKind: 'folder',
        baseVersion: 1,
      }),
      params({ id: demoHome }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      'A page cannot be moved under one of its own descendants.',
    );
    expect(emulator().page(demoHome)!.current.number).toBe(1);
  });
});

describe('Data Center and folders', () => {
  it('refuses a folder as new parent or tree node with a 400 that says why', async () => {
    await emulator().reset();
    const { get, post } = requests(await signInCookie(DEMO_DC_PASSWORD));
    const moved = await moveRoute.POST(
      post(`/api/pages/${roadmap}/move`, {
        newParentId: designFolder,
        newParentKind: 'folder',
        baseVersion: 1,
      }),
      params({ id: roadmap }),
    );
    expect(moved.status).toBe(400);
    expect((await moved.json()).error.message).toBe('Data Center has no folders: choose a page.');
    const children = await childrenRoute.GET(
      get(`/api/pages/${designFolder}/children?kind=folder`),
      params({ id: designFolder }),
    );
    expect(children.status).toBe(400);
    expect(emulator().page(roadmap)!.current.number).toBe(1);
  });
});
