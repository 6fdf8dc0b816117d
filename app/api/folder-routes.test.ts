import { beforeEach, describe, expect, it } from 'vitest';

import { SEED_IDS } from '@/lib/emulator';

import * as pageRoute from './pages/[id]/route';
import * as ancestorsRoute from './pages/[id]/ancestors/route';
import * as childrenRoute from './pages/[id]/children/route';
import * as treeRoute from './pages/[id]/tree/route';
import * as searchRoute from './pages/search/route';
import {
  type AppRequests,
  DEMO_DC_PASSWORD,
  expectRefusedUnderDescendant,
  flavours,
  params,
  requestsWith,
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
const INTO_DESIGN_FOLDER = { newParentId: designFolder, newParentKind: 'folder', baseVersion: 1 };

describe('Cloud folders through the routes', () => {
  let get: AppRequests['get'];
  let move: AppRequests['move'];
  beforeEach(async () => {
    await emulator().reset();
    ({ get, move } = requestsWith(await signInCookie(CLOUD)));
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

    const moved = await move(roadmap, INTO_DESIGN_FOLDER);
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
    await expectRefusedUnderDescendant(await move(demoHome, INTO_DESIGN_FOLDER));
    expect(emulator().page(demoHome)!.current.number).toBe(1);
  });
});

describe('Data Center and folders', () => {
  it('refuses a folder as new parent or tree node with a 400 that says why', async () => {
    await emulator().reset();
    const { get, move } = requestsWith(await signInCookie(DEMO_DC_PASSWORD));
    const moved = await move(roadmap, INTO_DESIGN_FOLDER);
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
