import { expect, test } from './fixtures';
import { readPage, resetEmulator } from './emulator-admin';
import { SANDBOX_ID } from './pages/editor-page';

/** View choices of the page editor: hide either pane, word wrap, minimap, open formatted. */

test.beforeEach(async () => {
  await resetEmulator();
});

const lineCount = (page: import('@playwright/test').Page) =>
  page
    .locator('.monaco-editor')
    .filter({ has: page.getByRole('textbox', { name: /^Storage format source of / }) })
    .locator('.line-numbers')
    .count();

test('opening formatted changes the view, not the page: nothing to save', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const asStored = await lineCount(page);
  const formatted = page.getByLabel('Open pages formatted');
  await expect(formatted).not.toBeChecked();
  await formatted.check();
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.getByLabel('Open pages formatted')).toBeChecked();
  await expect.poll(() => lineCount(page)).toBeGreaterThan(asStored);
  // Formatting only is not a change: the status says saved, and Save refuses with a reason.
  await expect(editorPage.saveState).toHaveText('Saved v3');
  await editorPage.toolbarButton('Save').click();
  await expect(editorPage.savePanel).toContainText('Nothing to save');
  await page.keyboard.press('Escape');
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
  expect(offOrigin).toEqual([]);
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
