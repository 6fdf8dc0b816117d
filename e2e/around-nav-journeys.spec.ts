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
