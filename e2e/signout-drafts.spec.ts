import type { Page } from '@playwright/test';

import { resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { storedKeys } from './pages/browser-storage';
import { appErrors, EditorPage, SANDBOX_ID } from './pages/editor-page';
import type { LoginPage } from './pages/login-page';
import { ScratchpadPage } from './pages/scratchpad-page';

/**
 * Signing out with unsaved changes: a warning first, the text kept as a local draft
 * (page content only, never credentials) and offered again after signing back in — or, on a
 * shared computer, every local draft deleted with the session.
 */

const DRAFT_KEY = EditorPage.draftKey(SANDBOX_ID);

test.beforeEach(async () => {
  await resetEmulator();
});

function signOutDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Sign out?' });
}

/** Local drafts still in this browser: page drafts and the Scratchpad's text. */
async function storedDraftKeys(page: Page): Promise<string[]> {
  const keys = await storedKeys(page);
  return keys.filter(
    (key) => key.startsWith(EditorPage.draftKey('')) || key === ScratchpadPage.bodyKey,
  );
}

/** Back on the sign-in page: sign in again and (re)open the page, keeping any local draft. */
async function signInAgain(loginPage: LoginPage): Promise<void> {
  const { page, appUrl } = loginPage;
  await expect(page).toHaveURL(/\/login/);
  await loginPage.demoAccountButton('Demo User', 'Data Center').click();
  // Signed in: back where the sign-out started (the page), or on Open.
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

test('signing out with unsaved changes warns, keeps the draft, and offers it after signing in', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
  loginPage,
  appHeader,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Typed before signing out');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  // Cancel keeps everything as it was.
  await appHeader.signOutButton.click();
  const dialog = signOutDialog(page);
  await expect(dialog).toContainText(
    'You have unsaved changes on Sandbox: they stay as a local draft on this browser.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect(page).toHaveURL(new RegExp(`/pages/${SANDBOX_ID}$`));

  // Sign out at once after typing (before the timed draft write): the draft is written first.
  await editorPage.appendParagraph('And a last line');
  await appHeader.signOutButton.click();
  await signOutDialog(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  const stored = await editorPage.storedDraft();
  expect(stored).not.toBeNull();
  const draft = JSON.parse(stored!) as Record<string, unknown>;
  expect(Object.keys(draft).sort()).toEqual([
    'asShown',
    'baseVersion',
    'body',
    'pageId',
    'savedAt',
    'title',
  ]);
  expect(draft.body).toContain('<p>Typed before signing out</p>');
  expect(draft.body).toContain('<p>And a last line</p>');
  // Page content only: nothing about the account or its secrets.
  expect(stored).not.toMatch(/demo-token|demo-pat|"demo"|password|Demo User/);

  await signInAgain(loginPage);
  const offer = page.getByRole('region', { name: 'Local draft' });
  await expect(offer).toContainText('You have unsaved changes from');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await editorPage.expectToShow('And a last line');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('"Sign out and delete local drafts" leaves no draft behind', async ({
  page,
  appUrl,
  consoleErrors,
  editorPage,
  loginPage,
  openPage,
  scratchpad,
  appHeader,
}) => {
  // A scratchpad draft from earlier on this browser is deleted too.
  await page.goto(`${appUrl}/scratch`);
  await scratchpad.setStoredBody('<p>Scratch</p>');
  await editorPage.signInAndOpen();
  // The preview checks references with Confluence a few seconds after typing: let the check of
  // the typed text answer first (an earlier one, of the body as opened, may answer before it).
  const checked = page.waitForResponse(
    (response) =>
      response.url().endsWith('/check') &&
      (response.request().postData() ?? '').includes('Typed on a shared computer'),
  );
  await editorPage.appendParagraph('Typed on a shared computer');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect.poll(() => storedDraftKeys(page)).toContain(DRAFT_KEY);
  await checked;

  await appHeader.signOutButton.click();
  await signOutDialog(page)
    .getByRole('button', { name: 'Sign out and delete local drafts' })
    .click();
  await expect(page).toHaveURL(/\/login/);
  expect(await storedDraftKeys(page)).toEqual([]);
  // The editor closing afterwards writes nothing back.
  await page.waitForTimeout(2500);
  expect(await storedDraftKeys(page)).toEqual([]);
  // Other settings stay.
  expect(await openPage.storedRecentPages()).not.toBeNull();

  // After signing in again nothing is offered, and drafts are kept again as usual.
  await signInAgain(loginPage);
  await expect(page.getByRole('region', { name: 'Local draft' })).toHaveCount(0);
  await editorPage.appendParagraph('Typed after signing in again');
  await expect.poll(() => storedDraftKeys(page), { timeout: 10_000 }).toContain(DRAFT_KEY);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('signing out with nothing unsaved and no drafts asks nothing', async ({
  page,
  editorPage,
  appHeader,
}) => {
  await editorPage.signInAndOpen();
  await appHeader.signOutButton.click();
  await expect(page).toHaveURL(/\/login/);
  await expect(signOutDialog(page)).toHaveCount(0);
});
