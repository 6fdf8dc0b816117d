import { FLAVOURS } from './cloud-parity-steps';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/**
 * Around the page, on both flavours: open Sandbox by typing part of its title and choosing it
 * with the keyboard, create a child of it, move that child under Roadmap, and see it in the
 * page tree. The emulator is shared by the flavours, so each run's title is unique.
 */

/** "Tree level 1", the top of a three-level chain in DEMO. */
const TREE_LEVEL_1_ID = '9470044';
const ROADMAP_ID = '9470048';
/** "Architecture overview", a page in the Cloud folder "Design docs". */
const ARCHITECTURE_ID = '9470061';

for (const flavour of FLAVOURS) {
  test(`${flavour}: open by title, create a child, move it, see it in the tree`, async ({
    page,
    offOrigin,
    consoleErrors,
    loginPage,
    openPage,
    editorPage,
  }) => {
    await loginPage.signInAsDemo('Demo User', flavour);
    await openPage.typeInField('Sandb');
    const sandbox = openPage.suggestions.getByRole('option', { name: /Sandbox\s*Demo space/ });
    await expect(sandbox).toBeVisible();
    await expect(
      openPage.suggestions.getByRole('option', { name: /Sandbox\s*Team space/ }),
    ).toBeVisible();
    await openPage.pageIdField.press('ArrowDown');
    const active = await openPage.activeSuggestion();
    await expect(active).toHaveAttribute('aria-selected', 'true');
    await expect(active).toContainText('Demo space');
    await openPage.pageIdField.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/pages/${SANDBOX_ID}$`));
    await expect(editorPage.editor).toBeVisible();

    const title = `Nav child ${flavour} ${Date.now()}`;
    const create = await editorPage.openNewPageDialog('Sandbox');
    await create.getByLabel('Title').fill('roadmap');
    await expect(create.getByRole('status')).toContainText('already');
    await create.getByLabel('Title').fill(title);
    await expect(create.getByRole('status')).toContainText('Title is free');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(`/pages/${SANDBOX_ID}$`));
    await expect(editorPage.breadcrumb.getByRole('link', { name: 'Sandbox' })).toBeVisible();

    const move = await editorPage.openMoveDialog(title);
    await move.getByLabel('New parent').pressSequentially('Roadm', { delay: 30 });
    await move.getByRole('option', { name: /Roadmap/ }).click();
    await expect(move.getByText('Moves under “Roadmap”.')).toBeVisible();
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(move).toBeHidden();
    await expect(editorPage.breadcrumb.getByRole('link', { name: 'Roadmap' })).toBeVisible();
    await expect(editorPage.breadcrumb.getByRole('link', { name: 'Sandbox' })).toHaveCount(0);

    const tree = await editorPage.showPageTree();
    await expect(tree.getByRole('link', { name: 'Roadmap' })).toBeVisible();
    await expect(tree.locator('[aria-current="page"]')).toHaveText(title);

    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('Cloud: a page moves into a folder; breadcrumb and tree show the folder, which opens but is no page', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { flavour: 'Cloud' });
  const title = `Folder mover ${Date.now()}`;
  const create = await editorPage.openNewPageDialog('Sandbox');
  await create.getByLabel('Title').fill(title);
  await expect(create.getByRole('status')).toContainText('Title is free');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const version = page.getByText(/^Version \d+ by/);
  await expect(version).toHaveText(/^Version 1 by/);

  const move = await editorPage.openMoveDialog(title);
  await expect(move.getByText('Pages and folders in space DEMO.')).toBeVisible();
  await move.getByLabel('New parent').pressSequentially('Design', { delay: 30 });
  const folder = move.getByRole('option', { name: /Folder\s*Design docs/ });
  await expect(folder).toBeVisible();
  await move.getByLabel('New parent').press('ArrowDown');
  await move.getByLabel('New parent').press('Enter');
  await expect(move.getByText('Moves under “Design docs”.')).toBeVisible();
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(move).toBeHidden();
  await expect(version).toHaveText(/^Version 2 by/);

  // The folder is in the breadcrumb, named but not a link (it has no page to open).
  await expect(editorPage.breadcrumb).toContainText('Design docs (folder)');
  await expect(editorPage.breadcrumb.getByRole('link', { name: /Design docs/ })).toHaveCount(0);
  await expect(editorPage.breadcrumb.getByRole('link', { name: 'Demo Home' })).toBeVisible();
  await expect(editorPage.breadcrumb.getByRole('link', { name: 'Sandbox' })).toHaveCount(0);

  const tree = await editorPage.showPageTree();
  const folderRow = tree.locator('li', { hasText: 'Design docs' }).first();
  await expect(folderRow.getByText('Folder', { exact: true }).first()).toBeVisible();
  await expect(tree.getByRole('link', { name: /Design docs/ })).toHaveCount(0);
  await expect(tree.locator('[aria-current="page"]')).toHaveText(title);
  await expect(tree.getByRole('link', { name: 'Architecture overview' })).toBeVisible();

  await tree.getByRole('link', { name: 'Architecture overview' }).click();
  await expect(page).toHaveURL(new RegExp(`/pages/${ARCHITECTURE_ID}$`));
  await expect(editorPage.breadcrumb).toContainText('Design docs (folder)');

  // From Sandbox the folder is a sibling: expanded by keyboard, its children load, the moved page among them.
  await editorPage.open(SANDBOX_ID);
  const sandboxTree = await editorPage.showPageTree();
  const expand = sandboxTree.getByRole('button', { name: 'Expand Design docs' });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(sandboxTree.getByRole('link', { name: 'Architecture overview' })).toBeVisible();
  await expect(sandboxTree.getByRole('link', { name: title })).toBeVisible();
  await expect(sandboxTree.getByRole('button', { name: 'Collapse Design docs' })).toBeFocused();

  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('moving a page under itself is refused in the dialog', async ({ editorPage }) => {
  await editorPage.signInAndOpen(TREE_LEVEL_1_ID);
  const move = await editorPage.openMoveDialog('Tree level 1');
  await move.getByLabel('New parent').pressSequentially('Tree level', { delay: 30 });
  await move.getByRole('option', { name: /Tree level 3/ }).click();
  await expect(move.getByText(/its own descendants/)).toBeVisible();
  await expect(move.getByRole('button', { name: 'Move', exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
});

test('a typed title that names one offered page opens it on Enter', async ({
  page,
  loginPage,
  openPage,
}) => {
  await loginPage.signInAsDemo();
  await openPage.typeInField('roadmap');
  await expect(openPage.suggestions.getByRole('option', { name: /Roadmap/ })).toBeVisible();
  await openPage.pageIdField.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/pages/${ROADMAP_ID}$`));
});
