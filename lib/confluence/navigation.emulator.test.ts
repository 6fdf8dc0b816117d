import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';

import { STARTER_BODY } from './create-page';
import { ConfluenceError } from './errors';
import { demoClient, emulatorPerTestFile } from './testing/emulator';

/** Title search, page tree, create and move through the client, against the emulator. */
const emulator = emulatorPerTestFile();

const DEMO_HOME = '9469953';
const SANDBOX = '9470040';
const TREE_1 = '9470044';
const TREE_2 = '9470045';
const TREE_3 = '9470046';
const ROADMAP = '9470048';
const TEAM_SANDBOX = '9470101';

describe.each(['datacenter', 'cloud'] as const)('%s navigation', (flavour) => {
  it('finds pages by the start of a title across spaces, with their space', async () => {
    const confluence = demoClient(emulator, flavour);
    const found = await confluence.searchByTitle('Sandb');
    expect(found.map((match) => [match.id, match.spaceKey]).sort()).toEqual(
      [
        [SANDBOX, 'DEMO'],
        [TEAM_SANDBOX, 'TEAM'],
      ].sort(),
    );
    expect(found.every((match) => match.spaceName !== '' && match.kind === 'page')).toBe(true);
    const inTeam = await confluence.searchByTitle('Sandb', { spaceKey: 'TEAM' });
    expect(inTeam.map((match) => match.id)).toEqual([TEAM_SANDBOX]);
    await confluence.close();
  });

  it('finds a title with a colon, quotes and a reserved word', async () => {
    const confluence = demoClient(emulator, flavour);
    const { id } = await confluence.createPage({
      spaceKey: 'DEMO',
      title: 'Release: "Q3" AND beyond',
      parentId: DEMO_HOME,
      body: STARTER_BODY,
    });
    for (const typed of ['Release: "Q3', 'release: "q3" AND bey', 'Release: "Q3" AND beyond']) {
      const found = await confluence.searchByTitle(typed);
      expect(found.map((match) => match.id)).toContain(id);
    }
    await confluence.close();
  });

  it('lists ancestors, siblings and children of a page', async () => {
    const confluence = demoClient(emulator, flavour);
    const tree = await confluence.pageNeighbourhood(TREE_2);
    expect(tree.ancestors.map((node) => node.id)).toEqual([DEMO_HOME, TREE_1]);
    expect(tree.siblings.map((node) => node.id)).toEqual([TREE_2]);
    expect(tree.children).toEqual([{ id: TREE_3, title: 'Tree level 3', kind: 'page' }]);
    const top = await confluence.pageNeighbourhood(DEMO_HOME);
    expect(top.ancestors).toEqual([]);
    expect(top.children.map((node) => node.id)).toContain(SANDBOX);
    await confluence.close();
  });

  it('creates a child with a starter body, and a page at the top of a space', async () => {
    const confluence = demoClient(emulator, flavour);
    const child = await confluence.createPage({
      spaceKey: 'DEMO',
      title: 'Child of Sandbox',
      parentId: SANDBOX,
      body: STARTER_BODY,
    });
    const page = await confluence.getPage(child.id);
    expect(page).toMatchObject({
      title: 'Child of Sandbox',
      parentId: SANDBOX,
      body: STARTER_BODY,
    });
    const top = await confluence.createPage({
      spaceKey: 'TEAM',
      title: 'Top of team',
      parentId: null,
      body: STARTER_BODY,
    });
    expect((await confluence.getPage(top.id)).ancestors).toEqual([]);
    await confluence.close();
  });

  it('refuses a title that clashes ignoring case', async () => {
    const confluence = demoClient(emulator, flavour);
    await expect(
      confluence.createPage({
        spaceKey: 'DEMO',
        title: 'ROADMAP',
        parentId: SANDBOX,
        body: STARTER_BODY,
      }),
    ).rejects.toMatchObject({ kind: 'title_clash' });
    await confluence.close();
  });

  it('moves a page by a version-checked update: body and title kept, ancestors updated', async () => {
    const confluence = demoClient(emulator, flavour);
    const { id } = await confluence.createPage({
      spaceKey: 'DEMO',
      title: 'Mover',
      parentId: SANDBOX,
      body: '<p>keep me</p>',
    });
    const moved = await confluence.movePage({
      id,
      newParentId: ROADMAP,
      newParentKind: 'page',
      baseVersion: 1,
    });
    expect(moved.version).toBe(2);
    expect(moved.ancestors.map((node) => node.id)).toEqual([DEMO_HOME, ROADMAP]);
    const page = await confluence.getPage(id);
    expect(page).toMatchObject({ title: 'Mover', body: '<p>keep me</p>', parentId: ROADMAP });
    const tree = await confluence.pageNeighbourhood(ROADMAP);
    expect(tree.children.map((node) => node.title)).toEqual(['Mover']);
    await confluence.close();
  });

  it('refuses a move under the page itself or its descendants, before writing', async () => {
    const confluence = demoClient(emulator, flavour);
    for (const newParentId of [TREE_1, TREE_2, TREE_3]) {
      const attempt = confluence.movePage({
        id: TREE_1,
        newParentId,
        newParentKind: 'page',
        baseVersion: 1,
      });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
    }
    expect(emulator.page(TREE_1)!.current.number).toBe(1);
    await confluence.close();
  });

  it("answers a conflict, never overwriting a colleague's newer edit", async () => {
    const confluence = demoClient(emulator, flavour);
    emulator.concurrentEdit(ROADMAP, { body: '<p>Alex was here</p>' });
    const attempt = confluence.movePage({
      id: ROADMAP,
      newParentId: SANDBOX,
      newParentKind: 'page',
      baseVersion: 1,
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'version_conflict' });
    await expect(attempt).rejects.toBeInstanceOf(ConfluenceError);
    const page = emulator.page(ROADMAP)!;
    expect(page.current.body).toBe('<p>Alex was here</p>');
    expect(page.current.parentId).toBe(DEMO_HOME);
    await confluence.close();
  });
});
