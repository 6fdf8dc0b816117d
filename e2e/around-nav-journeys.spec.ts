import { FLAVOURS, signInAs } from './cloud-parity-steps';
import { expect, test } from './fixtures';

/**
 * Around the page, on both flavours: open Sandbox by typing part of its title and choosing it
 * with the keyboard, create a child of it, move that child under Roadmap, and see it in the
 * page tree. The emulator is shared by the flavours, so each run's title is unique.
 */
const SANDBOX = '9470040';

for (const flavour of FLAVOURS) {
  test(`${flavour}: open by title, create a child, move it, see it in the tree`, async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    await signInAs(page, appUrl, 'Demo User', flavour);
    const field = page.getByLabel('Page ID, URL or title');
    await field.pressSequentially('Sandb', { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Pages' });
    const sandbox = listbox.getByRole('option', { name: /Sandbox\s*Demo space/ });
    await expect(sandbox).toBeVisible();
    await expect(listbox.getByRole('option', { name: /Sandbox\s*Team space/ })).toBeVisible();
    await field.press('ArrowDown');
    const activeId = await field.getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`[id="${activeId}"]`)).toContainText('Demo space');
    await field.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/pages/${SANDBOX}$`));
    await expect(page.locator('.monaco-editor')).toBeVisible();

    const title = `Nav child ${flavour} ${Date.now()}`;
    const tools = page.getByRole('toolbar', { name: 'Page tools' });
    await tools.getByRole('button', { name: 'New page' }).click();
    const create = page.getByRole('dialog', { name: 'New page under “Sandbox”' });
    await create.getByLabel('Title').fill('roadmap');
    await expect(create.getByRole('status')).toContainText('already');
    await create.getByLabel('Title').fill(title);
    await expect(create.getByRole('status')).toContainText('Title is free');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(`/pages/${SANDBOX}$`));
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link', { name: 'Sandbox' })).toBeVisible();

    await tools.getByRole('button', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: `Move “${title}”` });
    const parentField = move.getByLabel('New parent');
    await parentField.pressSequentially('Roadm', { delay: 30 });
    await move.getByRole('option', { name: /Roadmap/ }).click();
    await expect(move.getByText('Moves under “Roadmap”.')).toBeVisible();
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(move).toBeHidden();
    await expect(breadcrumb.getByRole('link', { name: 'Roadmap' })).toBeVisible();
    await expect(breadcrumb.getByRole('link', { name: 'Sandbox' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Page tree' }).click();
    const tree = page.getByRole('navigation', { name: 'Pages around this one' });
    await expect(tree.getByRole('link', { name: 'Roadmap' })).toBeVisible();
    await expect(tree.locator('[aria-current="page"]')).toHaveText(title);

    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('moving a page under itself is refused in the dialog', async ({ page, appUrl }) => {
  await signInAs(page, appUrl, 'Demo User', 'Data Center');
  await page.goto(`${appUrl}/pages/9470044`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page
    .getByRole('toolbar', { name: 'Page tools' })
    .getByRole('button', { name: 'Move' })
    .click();
  const move = page.getByRole('dialog', { name: 'Move “Tree level 1”' });
  await move.getByLabel('New parent').pressSequentially('Tree level', { delay: 30 });
  await move.getByRole('option', { name: /Tree level 3/ }).click();
  await expect(move.getByText(/its own descendants/)).toBeVisible();
  await expect(move.getByRole('button', { name: 'Move', exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
});

test('a typed title that names one offered page opens it on Enter', async ({ page, appUrl }) => {
  await signInAs(page, appUrl, 'Demo User', 'Data Center');
  const field = page.getByLabel('Page ID, URL or title');
  await field.pressSequentially('roadmap', { delay: 30 });
  await expect(page.getByRole('option', { name: /Roadmap/ })).toBeVisible();
  await field.press('Enter');
  await expect(page).toHaveURL(/\/pages\/9470048$/);
});
