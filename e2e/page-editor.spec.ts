import { expect, test } from './fixtures';
import {
  appendParagraph,
  appErrors,
  emulatorAdmin,
  expectEditorToShow,
  openEditor,
  SANDBOX_ID,
  savePanel,
  saveState,
  saveThroughPanel,
  toolbarButton,
} from './save-helpers';

/** The page editor (`/pages/[id]`): load, save, conflict, local drafts, leave guard. */

const PAGE_ID = SANDBOX_ID;
const DRAFT_KEY = `pagewright:draft:${PAGE_ID}`;

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

test('the page loads with breadcrumb, title, version and preview', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openEditor(page, appUrl);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb).toContainText('DEMO');
  await expect(breadcrumb.getByRole('link', { name: 'Demo Home' })).toBeVisible();
  await expect(page.getByText(/^Version 3 by /)).toBeVisible();
  await expect(saveState(page)).toHaveText('Saved v3');
  await expect(page.getByLabel('Title')).toHaveValue('Sandbox');
  // The preview frame is sandboxed without scripts (security.md XSS-5).
  const sandbox = await page.locator('iframe').first().getAttribute('sandbox');
  expect(sandbox).not.toBeNull();
  expect(sandbox).not.toContain('allow-scripts');
  for (const name of ['Format', 'Validate', 'Preview', 'Diff', 'Save']) {
    await expect(toolbarButton(page, name)).toBeVisible();
  }
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a bad id shows the server message and a way back', async ({ page, appUrl }) => {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  await page.goto(`${appUrl}/pages/999999999`);
  await expect(page.locator('.alert')).toHaveText(/./);
  await expect(page.getByRole('link', { name: 'Back to Open' })).toHaveAttribute('href', '/');
});

test('edit and save: version+1, the draft is gone, a clean reload asks nothing', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await openEditor(page, appUrl);
  await appendParagraph(page, 'Saved by e2e');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.push(request.url());
  });
  await toolbarButton(page, 'Save').click();
  // A double click on the panel's Save still sends one request.
  await savePanel(page).getByRole('button', { name: 'Save', exact: true }).dblclick();
  await expect(saveState(page)).toHaveText('Saved v4');
  await expect(page.getByText('Saved version 4')).toBeVisible();
  await expect(page.getByText(/^Version 4 by /)).toBeVisible();
  expect(puts).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();

  // A second edit saves on the new base: Ctrl/Cmd+S opens the panel, a second press saves.
  await appendParagraph(page, 'Second save');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(savePanel(page)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(saveState(page)).toHaveText('Saved v5');

  await page.reload();
  await expect(saveState(page)).toHaveText('Saved v5');
  await expectEditorToShow(page, 'Second save');
  await expect(page.getByRole('region', { name: 'Local draft' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a conflict keeps my text; reload latest then restore, overwrite after confirming', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await openEditor(page, appUrl);
  await emulatorAdmin(`/pages/${PAGE_ID}/concurrent-edit`);
  await appendParagraph(page, 'Mine, not lost');
  await saveThroughPanel(page);

  // Both appended at the end: the conflict view opens; cancelling it keeps my text as it was.
  const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 4' });
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else' })).toContainText(
    'Someone else saved version 4 after you opened this page',
  );
  await expect(saveState(page)).toHaveText('Conflict');
  await expectEditorToShow(page, 'Mine, not lost');

  // Reload latest: theirs in the editor, mine kept as a draft on offer.
  await page.getByRole('button', { name: 'Reload latest' }).click();
  await expect(saveState(page)).toHaveText('Saved v4');
  await expectEditorToShow(page, 'Edited by Alex Other while you were editing.');
  await expect(page.getByText('Mine, not lost')).toHaveCount(0);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expectEditorToShow(page, 'Mine, not lost');

  // Restored text was written on v3: saving it conflicts again instead of overwriting silently.
  await saveThroughPanel(page);
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(saveState(page)).toHaveText('Conflict');
  await page.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(saveState(page)).toHaveText('Saved v5');
  expect(dialogs).toEqual(['confirm']);
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('reload with unsaved changes: leave warning, then the draft is offered and restored', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openEditor(page, appUrl);
  await appendParagraph(page, 'Typed before reload');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))
    .toContain('Typed before reload');

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
  await toolbarButton(page, 'Save').click();
  await expect(savePanel(page)).toContainText('Restore or discard the local draft before saving.');
  await expect(savePanel(page).getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(savePanel(page)).toHaveCount(0);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expectEditorToShow(page, 'Typed before reload');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await saveThroughPanel(page);
  await expect(saveState(page)).toHaveText('Saved v4');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('rename: a clashing title blocks saving, a free one is saved with the body', async ({
  page,
  appUrl,
}) => {
  await openEditor(page, appUrl);
  const title = page.getByLabel('Title');
  await title.fill('Demo Home');
  await expect(
    page.getByText('A page titled Demo Home already exists in DEMO').first(),
  ).toBeVisible();
  await toolbarButton(page, 'Save').click();
  await expect(savePanel(page)).toContainText('A page titled Demo Home already exists in DEMO');
  await expect(savePanel(page).getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await savePanel(page).getByRole('button', { name: 'Close' }).click();
  await title.fill('Sandbox renamed by e2e');
  await expect(page.getByText('Title is free')).toBeVisible();
  await saveThroughPanel(page);
  await expect(saveState(page)).toHaveText('Saved v4');
  await expect(
    page.getByRole('heading', { name: 'Sandbox renamed by e2e', level: 1 }),
  ).toBeVisible();
});
