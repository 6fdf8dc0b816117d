import type { Page } from '@playwright/test';

import { SCRATCH_BODY_KEY } from '../lib/editor/draft-store';
import { expect, test } from './fixtures';
import {
  appendParagraph,
  appErrors,
  emulatorAdmin,
  expectEditorToShow,
  openEditor,
  SANDBOX_ID,
  saveState,
} from './save-helpers';

/**
 * Signing out with unsaved changes (issue #5): a warning first, the text kept as a local draft
 * (page content only, never credentials) and offered again after signing back in — or, on a
 * shared computer, every local draft deleted with the session.
 */

const DRAFT_KEY = `pagewright:draft:${SANDBOX_ID}`;

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

function signOutButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Sign out' });
}

function signOutDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Sign out?' });
}

function storedDraftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter(
      (key) => key.startsWith('pagewright:draft:') || key.startsWith('pagewright:scratch:'),
    ),
  );
}

async function signInAgain(page: Page, appUrl: string): Promise<void> {
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

test('signing out with unsaved changes warns, keeps the draft, and offers it after signing in', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openEditor(page, appUrl);
  await appendParagraph(page, 'Typed before signing out');
  await expect(saveState(page)).toHaveText('Unsaved changes');

  // Cancel keeps everything as it was.
  await signOutButton(page).click();
  const dialog = signOutDialog(page);
  await expect(dialog).toContainText(
    'You have unsaved changes on Sandbox: they stay as a local draft on this browser.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect(page).toHaveURL(new RegExp(`/pages/${SANDBOX_ID}$`));

  // Sign out at once after typing (before the timed draft write): the draft is written first.
  await appendParagraph(page, 'And a last line');
  await signOutButton(page).click();
  await signOutDialog(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  const stored = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  expect(stored).not.toBeNull();
  const draft = JSON.parse(stored!) as Record<string, unknown>;
  expect(Object.keys(draft).sort()).toEqual(['baseVersion', 'body', 'pageId', 'savedAt', 'title']);
  expect(draft.body).toContain('<p>Typed before signing out</p>');
  expect(draft.body).toContain('<p>And a last line</p>');
  // Page content only: nothing about the account or its secrets.
  expect(stored).not.toMatch(/demo-token|demo-pat|"demo"|password|Demo User/);

  await signInAgain(page, appUrl);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expectEditorToShow(page, 'And a last line');
  await expect(saveState(page)).toHaveText('Unsaved changes');

  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('"Sign out and delete local drafts" leaves no draft behind', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  // A scratchpad draft from earlier on this browser is deleted too.
  await page.goto(`${appUrl}/scratch`);
  await page.evaluate((key) => localStorage.setItem(key, '<p>Scratch</p>'), SCRATCH_BODY_KEY);
  await openEditor(page, appUrl);
  // The preview checks references with Confluence a few seconds after typing: let the check of
  // the typed text answer first (an earlier one, of the body as opened, may answer before it).
  const checked = page.waitForResponse(
    (response) =>
      response.url().endsWith('/check') &&
      (response.request().postData() ?? '').includes('Typed on a shared computer'),
  );
  await appendParagraph(page, 'Typed on a shared computer');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect.poll(() => storedDraftKeys(page)).toContain(DRAFT_KEY);
  await checked;

  await signOutButton(page).click();
  await signOutDialog(page)
    .getByRole('button', { name: 'Sign out and delete local drafts' })
    .click();
  await expect(page).toHaveURL(/\/login/);
  expect(await storedDraftKeys(page)).toEqual([]);
  // The editor closing afterwards writes nothing back.
  await page.waitForTimeout(2500);
  expect(await storedDraftKeys(page)).toEqual([]);
  // Other settings stay.
  expect(await page.evaluate(() => localStorage.getItem('pagewright:recent'))).not.toBeNull();

  // After signing in again nothing is offered, and drafts are kept again as usual.
  await signInAgain(page, appUrl);
  await expect(page.getByRole('region', { name: 'Local draft' })).toHaveCount(0);
  await appendParagraph(page, 'Typed after signing in again');
  await expect.poll(() => storedDraftKeys(page), { timeout: 10_000 }).toContain(DRAFT_KEY);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('signing out with nothing unsaved and no drafts asks nothing', async ({ page, appUrl }) => {
  await openEditor(page, appUrl);
  await signOutButton(page).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(signOutDialog(page)).toHaveCount(0);
});
