import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { buildSeed, SEED_IDS } from '../seed/build-seed';
import { CLOUD_DEMO, CLOUD_READER, DC_PAT, call } from '../testing/clients';
import { OpenApiValidator } from '../testing/openapi-validator';

/** Cloud folders: the v2 endpoints match V2SPEC, and Data Center sees no folder at all. */
let emulator: EmulatorHandle;
const validator = new OpenApiValidator();
const { designFolder, architecturePage, decisionLogPage, demoHome, demoSpaceId } = SEED_IDS;

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());

const v2 = (path: string, init: Parameters<typeof call>[1] = {}) =>
  call(`${emulator.url}/wiki/api/v2${path}`, { auth: CLOUD_DEMO, ...init });

interface Child {
  id: string;
  type: string;
  title: string;
}

describe('Cloud v2 folder answers match V2SPEC', () => {
  it.each([
    ['GET', '/folders/{id}', `/folders/${designFolder}`],
    ['GET', '/folders/{id}/ancestors', `/folders/${designFolder}/ancestors`],
    ['GET', '/pages/{id}', `/pages/${architecturePage}?body-format=storage`],
    ['GET', '/pages/{id}/ancestors', `/pages/${architecturePage}/ancestors?limit=250`],
    ['GET', '/pages/{id}/children', `/pages/${demoHome}/children?limit=250`],
  ])('%s %s (%s)', async (method, specPath, url) => {
    const answer = await v2(url);
    expect(answer.status).toBe(200);
    expect(validator.errors('v2', method, specPath, answer.json)).toEqual([]);
  });

  it('POST /folders creates a folder under a page or a folder, and GET reads it back', async () => {
    const made = await v2('/folders', {
      method: 'POST',
      body: { spaceId: String(demoSpaceId), title: 'Contract folder', parentId: designFolder },
    });
    expect(made.status).toBe(200);
    expect(validator.errors('v2', 'POST', '/folders', made.json)).toEqual([]);
    const folder = made.json as { id: string; parentId: string; parentType: string };
    expect(folder).toMatchObject({ parentId: designFolder, parentType: 'folder', type: 'folder' });
    const read = await v2(`/folders/${folder.id}`);
    expect(read.json).toMatchObject({ id: folder.id, title: 'Contract folder' });
    const ancestors = await v2(`/folders/${folder.id}/ancestors`);
    expect(ancestors.json).toMatchObject({
      results: [
        { id: demoHome, type: 'page' },
        { id: designFolder, type: 'folder' },
      ],
    });
  });

  it('POST /folders refuses a missing title, an unknown parent and a reader', async () => {
    const untitled = await v2('/folders', {
      method: 'POST',
      body: { spaceId: String(demoSpaceId), title: ' ' },
    });
    expect(untitled.status).toBe(400);
    const orphan = await v2('/folders', {
      method: 'POST',
      body: { spaceId: String(demoSpaceId), title: 'Orphan', parentId: '1' },
    });
    expect(orphan.status).toBe(404);
    const reader = await v2('/folders', {
      method: 'POST',
      auth: CLOUD_READER,
      body: { spaceId: String(demoSpaceId), title: 'Not mine' },
    });
    expect(reader.status).toBe(403);
  });

  it.each(['/folders', '/pages'])('POST %s refuses a missing or unknown spaceId', async (path) => {
    for (const body of [{ title: 'Nowhere' }, { spaceId: '1', title: 'Nowhere' }]) {
      const refused = await v2(path, { method: 'POST', body });
      expect(refused.status).toBe(400);
      const [error] = refused.json.errors;
      expect([error.code, error.title]).toEqual([
        'INVALID_REQUEST_PARAMETER',
        'A valid spaceId is required',
      ]);
    }
  });
});

describe('Cloud pages in a folder', () => {
  it('name the folder as parent, and list it among their ancestors', async () => {
    const page = await v2(`/pages/${architecturePage}`);
    expect(page.json).toMatchObject({ parentId: designFolder, parentType: 'folder' });
    const ancestors = await v2(`/pages/${architecturePage}/ancestors`);
    expect(ancestors.json).toMatchObject({
      results: [
        { id: demoHome, type: 'page' },
        { id: designFolder, type: 'folder' },
      ],
    });
  });

  it('direct-children lists pages and folders; /children lists pages only', async () => {
    const direct = (await v2(`/pages/${demoHome}/direct-children?limit=250`)).json as {
      results: Child[];
    };
    expect(direct.results).toContainEqual(
      expect.objectContaining({ id: designFolder, type: 'folder', title: 'Design docs' }),
    );
    const pagesOnly = (await v2(`/pages/${demoHome}/children?limit=250`)).json as {
      results: Child[];
    };
    expect(pagesOnly.results.map((child) => child.id)).not.toContain(designFolder);
    expect(pagesOnly.results.map((child) => child.id)).not.toContain(architecturePage);
    const inFolder = (await v2(`/folders/${designFolder}/direct-children`)).json as {
      results: Child[];
    };
    expect(inFolder.results.map((child) => [child.id, child.type])).toEqual(
      expect.arrayContaining([
        [architecturePage, 'page'],
        [decisionLogPage, 'page'],
      ]),
    );
  });

  it('v1 CQL search finds folders on Cloud by title and by parent', async () => {
    const found = await call(
      `${emulator.url}/wiki/rest/api/search?cql=${encodeURIComponent('type in (page, folder) AND title ~ "design*"')}&expand=content.space`,
      { auth: CLOUD_DEMO },
    );
    expect(validator.errors('v1', 'GET', '/wiki/rest/api/search', found.json)).toEqual([]);
    const contents = (found.json as { results: Array<{ content: Child }> }).results.map(
      (result) => result.content,
    );
    expect(contents).toContainEqual(
      expect.objectContaining({ id: designFolder, type: 'folder', title: 'Design docs' }),
    );
    const children = await call(
      `${emulator.url}/wiki/rest/api/search?cql=${encodeURIComponent(`parent = "${designFolder}"`)}`,
      { auth: CLOUD_DEMO },
    );
    expect(
      (children.json as { results: Array<{ content: Child }> }).results.map((r) => r.content.id),
    ).toEqual(expect.arrayContaining([architecturePage, decisionLogPage]));
  });

  it('a page moves into a folder by a v2 PUT with the folder as parentId', async () => {
    const { sandbox } = SEED_IDS;
    const before = (await v2(`/pages/${sandbox}?body-format=storage`)).json as {
      title: string;
      version: { number: number };
      body: { storage: { value: string } };
    };
    const moved = await v2(`/pages/${sandbox}`, {
      method: 'PUT',
      body: {
        id: sandbox,
        status: 'current',
        title: before.title,
        parentId: designFolder,
        body: { representation: 'storage', value: before.body.storage.value },
        version: { number: before.version.number + 1, message: 'Moved' },
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ parentId: designFolder, parentType: 'folder' });
    // Under its own child is refused: the folder cannot go under a page inside it.
    const loop = await v2(`/pages/${demoHome}`, {
      method: 'PUT',
      body: {
        id: demoHome,
        status: 'current',
        title: 'Demo Home',
        parentId: designFolder,
        body: { representation: 'storage', value: '<p/>' },
        version: { number: 2 },
      },
    });
    expect(loop.status).toBe(404);
  });
});

describe('Data Center has no folders', () => {
  it('the folder routes do not exist, and pages in a folder sit under its nearest page', async () => {
    expect(
      (await call(`${emulator.url}/rest/api/content/${designFolder}`, { auth: DC_PAT })).status,
    ).toBe(404);
    const page = await call(
      `${emulator.url}/rest/api/content/${decisionLogPage}?expand=ancestors`,
      {
        auth: DC_PAT,
      },
    );
    const ancestors = (page.json as { ancestors: Array<{ id: string }> }).ancestors;
    expect(ancestors.map((ancestor) => ancestor.id)).toEqual([demoHome]);
    const children = await call(
      `${emulator.url}/rest/api/content/${demoHome}/child/page?limit=200`,
      {
        auth: DC_PAT,
      },
    );
    const ids = (children.json as { results: Array<{ id: string }> }).results.map((c) => c.id);
    expect(ids).toContain(decisionLogPage);
    const search = await call(
      `${emulator.url}/rest/api/search?cql=${encodeURIComponent('type in (page, folder) AND title ~ "design*"')}`,
      { auth: DC_PAT },
    );
    expect((search.json as { results: unknown[] }).results).toEqual([]);
  });

  it('a v1 save naming the nearest page as parent keeps the page in its folder', async () => {
    const page = (
      await call(
        `${emulator.url}/rest/api/content/${decisionLogPage}?expand=version,body.storage`,
        {
          auth: DC_PAT,
        },
      )
    ).json as { version: { number: number }; body: { storage: { value: string } } };
    const saved = await call(`${emulator.url}/rest/api/content/${decisionLogPage}`, {
      method: 'PUT',
      auth: DC_PAT,
      body: {
        type: 'page',
        title: 'Decision log',
        ancestors: [{ id: demoHome }],
        body: { storage: { value: page.body.storage.value, representation: 'storage' } },
        version: { number: page.version.number + 1 },
      },
    });
    expect(saved.status).toBe(200);
    expect((await v2(`/pages/${decisionLogPage}`)).json).toMatchObject({
      parentId: designFolder,
      parentType: 'folder',
    });
  });
});

describe('folders in the data file', () => {
  it('a created folder survives a restart; a data file from before folders still loads', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'emulator-folders-')), 'emulator.json');
    const first = await startEmulator({ dataFile });
    const made = await call(`${first.url}/wiki/api/v2/folders`, {
      method: 'POST',
      auth: CLOUD_DEMO,
      body: { spaceId: String(demoSpaceId), title: 'Kept folder' },
    });
    const { id } = made.json as { id: string };
    await first.close();
    const second = await startEmulator({ dataFile });
    const read = await call(`${second.url}/wiki/api/v2/folders/${id}`, { auth: CLOUD_DEMO });
    expect(read.json).toMatchObject({ id, title: 'Kept folder', parentId: demoHome });
    await second.close();

    const { folders: _dropped, ...older } = buildSeed();
    writeFileSync(dataFile, JSON.stringify(older));
    const third = await startEmulator({ dataFile });
    const page = await call(`${third.url}/wiki/api/v2/pages/${SEED_IDS.sandbox}`, {
      auth: CLOUD_DEMO,
    });
    expect(page.status).toBe(200);
    expect(
      (await call(`${third.url}/wiki/api/v2/folders/${designFolder}`, { auth: CLOUD_DEMO })).status,
    ).toBe(404);
    await third.close();
  });
});
