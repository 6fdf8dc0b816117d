import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { emulatorAdmin } from './save-helpers';

/** The app-wide theme switch in the header (components/app-header/theme-switch.tsx). */

const SCREENS = join(__dirname, '..', 'test-results', 'screens');

function themeSwitch(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
}

/** The app background as computed from the palette variables. */
function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

function previewTheme(page: Page): Promise<string | null> {
  return page
    .locator('iframe[title="Preview"]')
    .evaluate((element) =>
      (element as HTMLIFrameElement).contentDocument!.documentElement.getAttribute('data-theme'),
    );
}

test.beforeEach(async ({ page }) => {
  // A light system, so that "Dark" is visibly a manual choice.
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the theme switch applies at once, persists over a reload, and Monaco and the preview follow', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(`${appUrl}/scratch`);
  await page.evaluate(() => localStorage.removeItem('pagewright:theme'));
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(themeSwitch(page)).toHaveValue('system');
  expect(await bodyBackground(page)).toBe('rgb(255, 255, 255)');
  await expect(page.locator('.monaco-editor.vs')).toBeVisible();

  await themeSwitch(page).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  expect(await bodyBackground(page)).toBe('rgb(29, 33, 37)');
  await expect.poll(() => previewTheme(page)).toBe('dark');
  const frameBackground = await page
    .locator('iframe[title="Preview"]')
    .evaluate(
      (element) =>
        getComputedStyle((element as HTMLIFrameElement).contentDocument!.body).backgroundColor,
    );
  expect(frameBackground).toBe('rgb(29, 33, 37)');

  // After a reload the choice is on <html> before any app script runs (no light flash).
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await expect(themeSwitch(page)).toHaveValue('dark');

  // Light wins over a dark system; System follows the system again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await themeSwitch(page).selectOption('light');
  await expect(page.locator('.monaco-editor.vs')).toBeVisible();
  expect(await bodyBackground(page)).toBe('rgb(255, 255, 255)');
  await themeSwitch(page).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  expect(await bodyBackground(page)).toBe('rgb(29, 33, 37)');
  expect(await page.evaluate(() => localStorage.getItem('pagewright:theme'))).toBeNull();
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the pre-paint theme script carries the CSP nonce and trips no CSP violation', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  const response = await page.request.get(`${appUrl}/scratch`);
  const html = await response.text();
  const csp = response.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(html).toContain(`<script nonce="${nonce}">(function(){try{var c=localStorage`);

  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${appUrl}/scratch`);
  await themeSwitch(page).selectOption('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('screenshots of the page editor, light and dark', async ({ page, appUrl }) => {
  await emulatorAdmin('/reset');
  mkdirSync(SCREENS, { recursive: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  await page.evaluate(() => localStorage.removeItem('pagewright:draft:9470043'));
  await page.goto(`${appUrl}/pages/9470043`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await themeSwitch(page).selectOption('light');
  const gradient = page
    .frameLocator('iframe[title="Preview"]')
    .locator('img[src$="/attachments/gradient.png"]');
  await expect(gradient).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'page-editor-light.png') });
  await themeSwitch(page).selectOption('dark');
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await expect.poll(() => previewTheme(page)).toBe('dark');
  await page.screenshot({ path: join(SCREENS, 'page-editor-dark.png') });
});
