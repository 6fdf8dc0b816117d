import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures';

/**
 * The sign-in page's `?next=` is never an open redirect (components/session/safe-next-path.ts):
 * the real demo sign-in, in the browser, with `next` values that leave the app once normalised
 * (`/./`, `%2e`, `/a/../`), as the browser reads them (`\`, tabs) or outright.
 */
const DEMO = /Use demo account: Demo User — Data Center/;

async function signInWithNext(page: Page, appUrl: string, next: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/login?next=${next}`);
  await page.getByRole('button', { name: DEMO }).click();
}

const LEAVING = [
  '%2F.%2F%2Fevil.example',
  '%2F.%2F%2Fevil.example%2Fpages%2F1',
  '%2F%252e%2F%2Fevil.example',
  '%2F%252E%252E%2F%2Fevil.example',
  '%2Fa%2F..%2F%2Fevil.example',
  '%2Fpages%2F..%2F..%2F%2Fevil.example',
  '%2F%5Cevil.example',
  '%2F%09%2Fevil.example',
  '%2F%2F%2Fevil.example',
  'https%3A%2F%2Fevil.example%2F',
  'javascript%3Aalert(document.domain)',
];

for (const next of LEAVING) {
  test(`after sign-in, next=${next} goes to / on this app`, async ({ page, appUrl, offOrigin }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInWithNext(page, appUrl, next);
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(offOrigin).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

test('a harmless next is followed in its normalised form', async ({ page, appUrl, offOrigin }) => {
  await signInWithNext(page, appUrl, '%2F.%2Fscratch');
  await expect(page).toHaveURL(`${appUrl}/scratch`);
  expect(offOrigin).toEqual([]);
});
