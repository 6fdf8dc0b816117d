import { expect, test } from './fixtures';
import { readPage, resetEmulator } from './emulator-admin';
import { SANDBOX_ID } from './pages/editor-page';

/** View choices of the page editor: hide either pane, word wrap, minimap, save formatted. */

test.beforeEach(async () => {
  await resetEmulator();
});

test('"Save formatted" is off by default, says what it does and is remembered', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const saveFormatted = page.getByRole('checkbox', { name: /^Save formatted/ });
  await expect(saveFormatted).not.toBeChecked();
  await expect(saveFormatted).toHaveAccessibleName(/every line changes in Confluence's history/);
  await saveFormatted.check();
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Save formatted/ })).toBeChecked();
  // A choice about saving: opening the page changes nothing.
  await expect(editorPage.saveState).toHaveText('Saved v3');
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
  expect(consoleErrors).toEqual([]);
});

test('either pane can be hidden (never both); wrap and minimap are remembered', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const editorToggle = editorPage.toolbarButton('Editor');
  const previewToggle = editorPage.toolbarButton('Preview');
  await editorToggle.click();
  await expect(editorToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.monaco-editor')).toBeHidden();
  await expect(page.locator('iframe').first()).toBeVisible();
  // The preview is the only pane left: it cannot be hidden too.
  await expect(previewToggle).toBeDisabled();
  await editorToggle.click();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await previewToggle.click();
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(editorToggle).toBeDisabled();
  await previewToggle.click();

  const wrap = editorPage.toolbarButton('Word wrap');
  const minimap = editorPage.toolbarButton('Minimap');
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect(minimap).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.monaco-editor .minimap').first()).toBeHidden();
  await minimap.click();
  await wrap.click();
  await expect(page.locator('.monaco-editor .minimap').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(editorPage.toolbarButton('Minimap')).toHaveAttribute('aria-pressed', 'true');
  await expect(editorPage.toolbarButton('Word wrap')).toHaveAttribute('aria-pressed', 'false');
  expect(consoleErrors).toEqual([]);
});
