import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

/** The page editor (`/pages/[id]`): load, save, conflict, local drafts, leave guard. */

const PAGE_ID = '9470040';
const DRAFT_KEY = `pagewright:draft:${PAGE_ID}`;

function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error('E2E_EMULATOR_URL is not set: global-setup did not run');
  return url;
}

async function emulator(path: string): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.ok).toBe(true);
}

async function openEditor(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID or URL')).toBeVisible();
  await page.evaluate((key) => localStorage.removeItem(key), DRAFT_KEY);
  await page.goto(`${appUrl}/pages/${PAGE_ID}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

/** Appends a paragraph at the end of the body as one insertion (no auto-closing on the way). */
async function appendParagraph(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`<p>${text}</p>`);
}

/** The editor's text as the preview renders it (Monaco only draws the visible lines). */
function previewText(page: Page, text: string) {
  return page.frameLocator('iframe[title="Preview"]').getByText(text);
}

function saveState(page: Page) {
  return page.getByTestId('save-state');
}

/** Console noise that is not an app error: the HTTP status of an expected failed request. */
function appErrors(errors: string[]): string[] {
  return errors.filter((message) => !/status of 409/.test(message));
}

test.beforeEach(async () => {
  await emulator('/reset');
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
  await expect(page.locator('iframe').first()).toHaveAttribute('sandbox', '');
  for (const name of ['Format', 'Validate', 'Preview', 'Save']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  // Nothing changed yet: nothing to save.
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a bad id shows the server message and a way back', async ({ page, appUrl }) => {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID or URL')).toBeVisible();
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
  await page.getByRole('button', { name: 'Save', exact: true }).dblclick();
  await expect(saveState(page)).toHaveText('Saved v4');
  await expect(page.getByText(/^Version 4 by /)).toBeVisible();
  expect(puts).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();

  // A second edit saves on the new base (Ctrl/Cmd+S).
  await appendParagraph(page, 'Second save');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(saveState(page)).toHaveText('Saved v5');

  await page.reload();
  await expect(saveState(page)).toHaveText('Saved v5');
  await expect(previewText(page, 'Second save')).toBeVisible();
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
  await emulator(`/pages/${PAGE_ID}/concurrent-edit`);
  await appendParagraph(page, 'Mine, not lost');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Someone else' })).toContainText(
    'Someone else saved version 4 after you opened this page',
  );
  await expect(saveState(page)).toHaveText('Conflict');
  await expect(previewText(page, 'Mine, not lost')).toBeVisible();

  // Reload latest: theirs in the editor, mine kept as a draft on offer.
  await page.getByRole('button', { name: 'Reload latest' }).click();
  await expect(saveState(page)).toHaveText('Saved v4');
  await expect(previewText(page, 'Mine, not lost')).toHaveCount(0);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(previewText(page, 'Mine, not lost')).toBeVisible();

  // Restored text was written on v3: saving it conflicts again instead of overwriting silently.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
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
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(previewText(page, 'Typed before reload')).toBeVisible();
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
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
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await title.fill('Sandbox renamed by e2e');
  await expect(page.getByText('Title is free')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveState(page)).toHaveText('Saved v4');
  await expect(
    page.getByRole('heading', { name: 'Sandbox renamed by e2e', level: 1 }),
  ).toBeVisible();
});
