import { expect, test } from './fixtures';
import { readPage, resetEmulator } from './emulator-admin';
import { SANDBOX_ID } from './pages/editor-page';

/** Rename through the dialog: live "free / already used" while typing, then saved with the body. */

test.beforeEach(async () => {
  await resetEmulator();
});

test('a taken title is refused as you type; a free one is saved with the body in one PUT', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const { parentId: parentBefore } = await readPage(SANDBOX_ID);
  expect(parentBefore).not.toBeNull();

  await editorPage.toolbarButton('Rename').click();
  const dialog = page.getByRole('dialog', { name: 'Rename page' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('New title');
  await expect(field).toBeFocused();
  const rename = dialog.getByRole('button', { name: 'Rename', exact: true });

  // Another page's title (with the spaces Confluence would trim): refused, with the reason.
  await field.fill('  Demo Home ');
  await expect(dialog.getByRole('status')).toHaveText(
    'A page titled Demo Home already exists in DEMO',
  );
  await expect(rename).toBeDisabled();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('Sandbox renamed by e2e');
  await expect(dialog.getByRole('status')).toHaveText('Title is free');
  await expect(rename).toBeEnabled();
  await field.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved version 4').first()).toBeVisible();

  const stored = await readPage(SANDBOX_ID);
  expect(stored.title).toBe('Sandbox renamed by e2e');
  expect(stored.version.number).toBe(4);
  expect(stored.parentId).toBe(parentBefore);
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
