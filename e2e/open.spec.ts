import type { Page } from '@playwright/test';

import { messageFor } from '../lib/errors';
import { CSRF_HEADERS } from '../lib/http/csrf-header';

import { expect, test } from './fixtures';

/** The Open screen (`/`): open by id or URL, recently opened, the sign-in redirect. */

async function signIn(page: Page, appUrl: string) {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
}

/** The browser logs the 404 of `/pages/…` until the editor route exists; nothing else may appear. */
function unexpected(errors: string[]): string[] {
  return errors.filter((line) => !/status of 404/.test(line));
}

test('signed out: an explanation with Sign in and Scratchpad links', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Pagewright', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    '/login',
  );
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Try the Scratchpad' }),
  ).toHaveAttribute('href', '/scratch');
  await expect(page.getByLabel('Page ID, URL or title')).toHaveCount(0);
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('open by id goes to /pages/{id} and the recent list then shows the page', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await signIn(page, appUrl);
  await page.evaluate(() => localStorage.removeItem('pagewright:recent'));
  await page.getByLabel('Page ID, URL or title').fill('9470040');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(`${appUrl}/pages/9470040`);

  await page.goto(appUrl);
  const recent = page.getByRole('region', { name: 'Recently opened' });
  const entry = recent.getByRole('listitem').filter({ hasText: 'Sandbox' });
  await expect(entry.getByRole('link', { name: 'Sandbox' })).toHaveAttribute(
    'href',
    '/pages/9470040',
  );
  await expect(entry).toContainText('DEMO');
  await expect(entry.locator('time')).toHaveText('just now');
  expect(offOrigin).toEqual([]);
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('open by pasting a page URL of the signed-in site, with Enter', async ({
  page,
  appUrl,
  offOrigin,
}) => {
  await signIn(page, appUrl);
  const field = page.getByLabel('Page ID, URL or title');
  await field.fill(`${process.env.E2E_EMULATOR_URL}/wiki/spaces/DEMO/pages/9470040/Sandbox`);
  await field.press('Enter');
  await expect(page).toHaveURL(`${appUrl}/pages/9470040`);
  expect(offOrigin).toEqual([]);
});

test('bad input shows the server’s reason and keeps focus in the field', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  await signIn(page, appUrl);
  const field = page.getByLabel('Page ID, URL or title');
  await field.fill('not a page');
  await page.getByRole('button', { name: 'Open' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /neither a page id/ });
  await expect(alert).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('not a page');

  await field.fill('999999999');
  await field.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: messageFor('page_not_found') }),
  ).toBeVisible();
  await expect(page).toHaveURL(`${appUrl}/`);
  // The browser logs the 400 and 404 answers themselves.
  expect(consoleErrors.filter((line) => !/status of 40[04]/.test(line))).toEqual([]);
});

test('a title with markup is shown as text, never as HTML (XSS-8)', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const title = '<img src=x onerror=alert(1)>';
  await signIn(page, appUrl);
  await page.evaluate(
    (stored) =>
      localStorage.setItem(
        'pagewright:recent',
        JSON.stringify([{ id: '9470040', title: stored, spaceKey: 'DEMO', openedAt: Date.now() }]),
      ),
    title,
  );
  await page.reload();
  const recent = page.getByRole('region', { name: 'Recently opened' });
  await expect(recent.getByRole('link', { name: title })).toHaveText(title);
  await expect(recent.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  // Rendered as HTML, the <img> would have asked for /x.
  expect(requested.filter((path) => path.endsWith('/x'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('Clear empties the recent list and keeps focus in its section', async ({ page, appUrl }) => {
  await signIn(page, appUrl);
  await page.evaluate(() =>
    localStorage.setItem(
      'pagewright:recent',
      JSON.stringify([{ id: '1', title: 'Old page', spaceKey: 'X', openedAt: Date.now() - 3e5 }]),
    ),
  );
  await page.reload();
  const recent = page.getByRole('region', { name: 'Recently opened' });
  await expect(recent.getByText('5 minutes ago')).toBeVisible();
  await recent.getByRole('button', { name: 'Clear' }).click();
  await expect(recent.getByText('Pages you open appear here.')).toBeVisible();
  await expect(recent.getByRole('heading', { name: 'Recently opened' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('pagewright:recent'))).toBeNull();
});

test('a session that ends on the server sends the user to sign in, and back afterwards', async ({
  page,
  appUrl,
}) => {
  await signIn(page, appUrl);
  // Sign out behind the app's back (another tab did it, or the session was revoked).
  await page.request.delete(`${appUrl}/api/session`, {
    headers: { origin: appUrl, ...CSRF_HEADERS },
  });
  await page.getByLabel('Page ID, URL or title').fill('9470040');
  await page.getByRole('button', { name: 'Open' }).click();

  await expect(page).toHaveURL(`${appUrl}/login?reason=expired`);
  await expect(page.getByText('Your session expired')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page).toHaveURL(`${appUrl}/`);
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
});
