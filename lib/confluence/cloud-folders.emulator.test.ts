import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';
import { SEED_IDS } from '@/lib/emulator';

import { ConfluenceError } from './errors';
import { demoClient, emulatorPerTestFile } from './testing/emulator';

/** Cloud folders through the client, against the emulator's seeded "Design docs" folder. */
const emulator = emulatorPerTestFile();
const { demoHome, designFolder, architecturePage, decisionLogPage, sandbox, roadmap } = SEED_IDS;
const intoDesignFolder = (id: string, baseVersion = 1) =>
  ({ id, newParentId: designFolder, newParentKind: 'folder', baseVersion }) as const;

describe('Cloud folders', () => {
  it('show in the ancestors and the tree as folders, with their titles', async () => {
    const confluence = demoClient(emulator, 'cloud');
    const tree = await confluence.pageNeighbourhood(architecturePage);
    expect(tree.ancestors).toEqual([
      { id: demoHome, title: 'Demo Home', kind: 'page' },
      { id: designFolder, title: 'Design docs', kind: 'folder' },
    ]);
    expect(tree.siblings).toEqual([
      { id: architecturePage, title: 'Architecture overview', kind: 'page' },
      { id: decisionLogPage, title: 'Decision log', kind: 'page' },
    ]);
    const home = await confluence.pageNeighbourhood(demoHome);
    expect(home.children).toContainEqual({
      id: designFolder,
      title: 'Design docs',
      kind: 'folder',
    });
    await confluence.close();
  });

  it("are in the page's breadcrumb", async () => {
    const confluence = demoClient(emulator, 'cloud');
    const page = await confluence.getPage(decisionLogPage);
    expect(page.parentId).toBe(designFolder);
    expect(page.ancestors.map((ancestor) => [ancestor.title, ancestor.kind])).toEqual([
      ['Demo Home', 'page'],
      ['Design docs', 'folder'],
    ]);
    await confluence.close();
  });

  it("list a folder's children, pages and folders", async () => {
    const confluence = demoClient(emulator, 'cloud');
    const children = await confluence.childrenOf(designFolder, 'folder');
    expect(children.map((node) => node.id)).toEqual([architecturePage, decisionLogPage]);
    await confluence.close();
  });

  it('are offered as new parents only when asked for', async () => {
    const confluence = demoClient(emulator, 'cloud');
    const withFolders = await confluence.searchByTitle('Design', { includeFolders: true });
    expect(withFolders.map((match) => [match.id, match.kind, match.spaceKey])).toEqual([
      [designFolder, 'folder', 'DEMO'],
    ]);
    expect(await confluence.searchByTitle('Design')).toEqual([]);
    await confluence.close();
  });

  it('take a moved page: body, title and version kept, the folder in its ancestors', async () => {
    const confluence = demoClient(emulator, 'cloud');
    const before = await confluence.getPage(roadmap);
    const moved = await confluence.movePage(intoDesignFolder(roadmap, before.version.number));
    expect(moved.version).toBe(before.version.number + 1);
    expect(moved.ancestors.map((node) => [node.id, node.kind])).toEqual([
      [demoHome, 'page'],
      [designFolder, 'folder'],
    ]);
    const after = await confluence.getPage(roadmap);
    expect(after).toMatchObject({ title: before.title, body: before.body, parentId: designFolder });
    const children = await confluence.childrenOf(designFolder, 'folder');
    expect(children.map((node) => node.id)).toContain(roadmap);
    await confluence.close();
  });

  it('refuse a page moved under a folder inside it, before writing', async () => {
    const confluence = demoClient(emulator, 'cloud');
    const attempt = confluence.movePage(intoDesignFolder(demoHome));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow('one of its own descendants');
    expect(emulator.page(demoHome)!.current.number).toBe(1);
    await confluence.close();
  });

  it("refuse a move into a folder over a colleague's newer edit", async () => {
    const confluence = demoClient(emulator, 'cloud');
    emulator.concurrentEdit(sandbox, { body: '<p>Alex was here</p>' });
    const attempt = confluence.movePage(intoDesignFolder(sandbox));
    await expect(attempt).rejects.toBeInstanceOf(ConfluenceError);
    await expect(attempt).rejects.toMatchObject({ kind: 'version_conflict' });
    expect(emulator.page(sandbox)!.current).toMatchObject({
      body: '<p>Alex was here</p>',
      parentId: demoHome,
    });
    await confluence.close();
  });
});

describe('Data Center', () => {
  it('has no folders: the pages of a Cloud folder sit under its nearest page', async () => {
    const confluence = demoClient(emulator, 'datacenter');
    const page = await confluence.getPage(decisionLogPage);
    expect(page.ancestors.map((ancestor) => ancestor.id)).toEqual([demoHome]);
    expect(await confluence.searchByTitle('Design', { includeFolders: true })).toEqual([]);
    await confluence.close();
  });

  it('refuses a folder as new parent in plain words', async () => {
    const confluence = demoClient(emulator, 'datacenter');
    const attempt = confluence.movePage(intoDesignFolder(roadmap));
    await expect(attempt).rejects.toThrow('Data Center has no folders');
    await confluence.close();
  });
});
