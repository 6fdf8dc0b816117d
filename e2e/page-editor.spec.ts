import { expect, test } from './fixtures';
import { concurrentEdit, resetEmulator } from './emulator-admin';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/** The page editor (`/pages/[id]`): load, save, conflict, local drafts, leave guard. */

const PAGE_ID = SANDBOX_ID;

test.beforeEach(async () => {
  await resetEmulator();
});

test('the page loads with breadcrumb, title, version and preview', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb).toContainText('DEMO');
  await expect(breadcrumb.getByRole('link', { name: 'Demo Home' })).toBeVisible();
  await expect(page.getByText(/^Version 3 by /)).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v3');
  await expect(page.getByLabel('Title')).toHaveValue('Sandbox');
  // The preview frame is sandboxed without scripts (docs/security.md XSS-5).
  const sandbox = await page.locator('iframe').first().getAttribute('sandbox');
  expect(sandbox).not.toBeNull();
  expect(sandbox).not.toContain('allow-scripts');
  for (const name of ['Format', 'Validate', 'Preview', 'Diff', 'Save']) {
    await expect(editorPage.toolbarButton(name)).toBeVisible();
  }
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a bad id shows the server message and a way back', async ({ page, appUrl, loginPage }) => {
  await loginPage.signInAsDemo();
  await page.goto(`${appUrl}/pages/999999999`);
  await expect(page.locator('.alert')).toHaveText(/./);
  await expect(page.getByRole('link', { name: 'Back to Open' })).toHaveAttribute('href', '/');
});

test('edit and save: version+1, the draft is gone, a clean reload asks nothing', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Saved by e2e');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.push(request.url());
  });
  await editorPage.toolbarButton('Save').click();
  // A double click on the panel's Save still sends one request.
  await editorPage.panelSaveButton.dblclick();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  await expect(page.getByText('Saved version 4')).toBeVisible();
  await expect(page.getByText(/^Version 4 by /)).toBeVisible();
  expect(puts).toHaveLength(1);
  expect(await editorPage.storedDraft()).toBeNull();

  // A second edit saves on the new base: Ctrl/Cmd+S opens the panel, a second press saves.
  await editorPage.appendParagraph('Second save');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(editorPage.savePanel).toBeVisible();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(editorPage.saveState).toHaveText('Saved v5');

  await page.reload();
  await expect(editorPage.saveState).toHaveText('Saved v5');
  await editorPage.expectToShow('Second save');
  await expect(page.getByRole('region', { name: 'Local draft' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a conflict keeps my text; reload latest then restore, overwrite after confirming', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await editorPage.signInAndOpen();
  await concurrentEdit(PAGE_ID);
  await editorPage.appendParagraph('Mine, not lost');
  await editorPage.saveThroughPanel();

  // Both appended at the end: the conflict view opens; cancelling it keeps my text as it was.
  const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 4' });
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else' })).toContainText(
    'Someone else saved version 4 after you opened this page',
  );
  await expect(editorPage.saveState).toHaveText('Conflict');
  await editorPage.expectToShow('Mine, not lost');

  // Reload latest: theirs in the editor, mine kept as a draft on offer.
  await page.getByRole('button', { name: 'Reload latest' }).click();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  await editorPage.expectToShow('Edited by Alex Other while you were editing.');
  await expect(page.getByText('Mine, not lost')).toHaveCount(0);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await editorPage.expectToShow('Mine, not lost');

  // Restored text was written on v3: saving it conflicts again instead of overwriting silently.
  await editorPage.saveThroughPanel();
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(editorPage.saveState).toHaveText('Conflict');
  await page.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(editorPage.saveState).toHaveText('Saved v5');
  expect(dialogs).toEqual(['confirm']);
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('reload with unsaved changes: leave warning, then the draft is offered and restored', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Typed before reload');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect.poll(() => editorPage.storedDraft()).toContain('Typed before reload');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  // While the draft is on offer, saving is refused (it is the only copy of that text).
  await editorPage.expectSaveRefused('Restore or discard the local draft before saving.');
  await page.keyboard.press('Escape');
  await expect(editorPage.savePanel).toHaveCount(0);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await editorPage.expectToShow('Typed before reload');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await editorPage.saveThroughPanel();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('rename: a clashing title blocks saving, a free one is saved with the body', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const title = page.getByLabel('Title');
  await title.fill('Demo Home');
  await expect(
    page.getByText('A page titled Demo Home already exists in DEMO').first(),
  ).toBeVisible();
  await editorPage.expectSaveRefused('A page titled Demo Home already exists in DEMO');
  await editorPage.savePanel.getByRole('button', { name: 'Close' }).click();
  await title.fill('Sandbox renamed by e2e');
  await expect(page.getByText('Title is free')).toBeVisible();
  await editorPage.saveThroughPanel();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  await expect(
    page.getByRole('heading', { name: 'Sandbox renamed by e2e', level: 1 }),
  ).toBeVisible();
});
