import type { Locator, Page } from '@playwright/test';

import { clearFaults, readPage, resetEmulator, setFaults } from './emulator-admin';
import { alertNamed, DEADLINE_MS, expectRequestId, PAGE_PATH } from './failure-steps';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';
import { paintedColour } from './pixels';

/**
 * When Confluence misbehaves, each user action (open, save) shows progress at once, ends by its
 * one deadline (30 s, plus the margin of the spec: 35 s) with a message naming the cause and the
 * request id the server logged, and "Try again" works once Confluence answers again.
 */

test.beforeEach(async () => {
  await resetEmulator();
  await clearFaults();
});

test.afterEach(async () => {
  await clearFaults();
});

/** Opens the page with faults on, and waits for the message (within the deadline). */
async function openDuringFault(page: Page, appUrl: string, message: RegExp): Promise<Locator> {
  await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
  const alert = alertNamed(page, message);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
  return alert;
}

/** Try again, with Confluence answering again: the editor opens. */
async function tryAgainOpens(page: Page, alert: Locator): Promise<void> {
  await clearFaults();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('toolbar', { name: 'Page tools' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved v\d+$/);
}

for (const [name, faults, message] of [
  [
    'a 500',
    { serverErrorEvery: 1, serverErrorStatus: 500 },
    /Confluence answered with a server error \(HTTP 500\)\. Try again/,
  ],
  [
    'a connection reset',
    { resetEvery: 1 },
    /Confluence could not be reached \(connection refused or dropped\)/,
  ],
  [
    'a 429 storm',
    { rateLimitEvery: 1, retryAfterSeconds: 2 },
    /Confluence is limiting requests right now\. Wait \d+ s, then try again\./,
  ],
] as const) {
  test(`opening during ${name}: the cause, the request id, then Try again opens it`, async ({
    page,
    appUrl,
    loginPage,
  }) => {
    await loginPage.signInAsDemo();
    await setFaults({ ...faults, pathPattern: PAGE_PATH });
    const started = Date.now();
    const alert = await openDuringFault(page, appUrl, message);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    await expect(alert).not.toContainText('text is safe');
    await expectRequestId(alert);
    await tryAgainOpens(page, alert);
  });
}

test('opening during 502s: progress at once, then the status, then Try again opens it', async ({
  page,
  appUrl,
  loginPage,
}) => {
  await loginPage.signInAsDemo();
  await setFaults({ serverErrorEvery: 1, serverErrorStatus: 502, pathPattern: PAGE_PATH });
  const started = Date.now();
  await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
  await expect(page.getByText(/^Opening the page: waiting for Confluence… \d+ s$/)).toBeVisible({
    timeout: 3_000,
  });
  await expect(page.getByText(/Pagewright retries for up to 30 s/)).toBeVisible({
    timeout: 5_000,
  });
  const alert = alertNamed(page, /Confluence answered with a server error \(HTTP 502\)/);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
  expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
  await expectRequestId(alert);
  await tryAgainOpens(page, alert);
});

test('a hanging Confluence: the seconds count up, Cancel stops, the deadline says 30 s', async ({
  page,
  appUrl,
  loginPage,
}) => {
  test.setTimeout(90_000);
  await loginPage.signInAsDemo();
  await setFaults({ hangEvery: 1, pathPattern: PAGE_PATH });

  // Cancel: the wait ends at once, and Try again asks again.
  await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
  const waiting = page.getByTestId('waiting-for-confluence');
  await expect(waiting).toHaveText(/waiting for Confluence… [2-9] s$/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Opening the page was cancelled.')).toBeVisible();

  // The deadline: one message after 30 s, not five tries of 30 s.
  const started = Date.now();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(waiting).toBeVisible();
  const alert = alertNamed(page, /^Confluence did not answer in 30 s\. Try again/);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
  expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
  await expectRequestId(alert);
  await tryAgainOpens(page, alert);
});

test('a save during a 500: the status, "your text is safe" (the draft is stored), one click on Try again saves', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('typed before the 500');
  await setFaults({ serverErrorEvery: 1, serverErrorStatus: 500, pathPattern: PAGE_PATH });
  await editorPage.toolbarButton('Save').click();
  await editorPage.savePanel.getByLabel('Version comment').fill('kept for the retry');
  await editorPage.minorEditBox.setChecked(true);
  await editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = alertNamed(page, /Confluence answered with a server error \(HTTP 500\)/);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
  await expect(alert).toContainText(
    'Your text is safe: it is kept in this browser as a local draft.',
  );
  expect(await editorPage.storedDraft()).toContain('typed before the 500');
  await expectRequestId(alert);

  // One click: the same save (body, comment, minor flag, version 3 + 1), no save panel.
  await clearFaults();
  await alert.getByRole('button', { name: 'Try again' }).click();
  const verified = page.getByTestId('save-verification');
  await expect(verified).toHaveText(/^Saved and verified v4\./);
  await expect(editorPage.savePanel).toHaveCount(0);
  const stored = await readPage(SANDBOX_ID);
  expect(stored.body).toContain('typed before the 500');
  expect(stored.version).toMatchObject({
    number: 4,
    message: 'kept for the retry',
    minorEdit: true,
  });
  // The notice speaks of the text as saved: typing makes it untrue, so it goes.
  await editorPage.appendParagraph('typed after the save');
  await expect(verified).toHaveCount(0);
});

test('the session expires: "session expired", and signing in again goes on', async ({
  page,
  context,
  editorPage,
  loginPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await context.clearCookies();
  await editorPage.toolbarButton('History').click();
  await expect(page.getByRole('status').filter({ hasText: /session expired/ })).toContainText(
    /Sign in again/,
    { timeout: DEADLINE_MS },
  );
  await loginPage.demoAccountButton('Demo User', 'Data Center').click();
  await expect(page.getByRole('toolbar', { name: 'Page tools' })).toBeVisible();
});

test('a disabled Save looks disabled and says why', async ({ page, context, editorPage }) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.toolbarButton('Save').click();
  const save = editorPage.savePanel.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(
    /^Nothing to save: the title and body are the same as version 3\.$/,
  );
  const look = await save.evaluate((button) => {
    const style = getComputedStyle(button);
    return {
      opacity: Number(style.opacity),
      cursor: style.cursor,
      background: style.backgroundColor,
    };
  });
  const accent = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--accent)';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  expect(look.opacity).toBeLessThan(0.7);
  expect(look.cursor).toBe('not-allowed');
  expect(look.background).not.toBe(accent);

  // And on screen: the disabled button's pixels are washed out next to the same button enabled.
  const disabledPaint = await paintedColour(context, save);
  await page.keyboard.press('Escape');
  await expect(editorPage.savePanel).toHaveCount(0);
  await editorPage.appendParagraph('something to save');
  await editorPage.toolbarButton('Save').click();
  await expect(save).toBeEnabled();
  await save.blur();
  const enabledPaint = await paintedColour(context, save);
  expect(enabledPaint.saturation).toBeGreaterThan(0.3);
  expect(disabledPaint.saturation).toBeLessThan(enabledPaint.saturation * 0.6);
});

test('the header links ask before leaving unsaved changes', async ({ page, editorPage }) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('not saved yet');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  const banner = page.getByRole('banner');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await banner.getByRole('link', { name: 'Scratchpad' }).click();
  await expect
    .poll(() => asked)
    .toEqual(['Leave this page? Your unsaved changes are kept as a local draft.']);
  await expect(page).toHaveURL(new RegExp(`/pages/${SANDBOX_ID}$`));
  expect(await editorPage.storedDraft()).toContain('not saved yet');

  page.once('dialog', (dialog) => void dialog.accept());
  await banner.getByRole('link', { name: 'Pagewright' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('keyboard help: the Ctrl+M hint, and ? or the button open the shortcuts', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await expect(page.getByText('Ctrl+M: Tab leaves the editor')).toBeVisible();

  // Outside the editor: nothing focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const keys of ['Ctrl+S (⌘S)', 'Shift+Alt+F', 'Ctrl+H', 'F7 / Shift+F7', 'Ctrl+M']) {
    await expect(help.getByRole('cell', { name: keys, exact: true })).toBeVisible();
  }
  await expect(help).toContainText('Preview modes: Instant');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // In the editor, ? is just a character.
  await editorPage.typeAtEnd('?');
  await expect(help).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
});
