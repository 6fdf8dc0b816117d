import type { Page } from '@playwright/test';

import { messageFor } from '../lib/errors';

import { expect, test } from './fixtures';

/** The journeys of /login against the emulator (the app runs in demo mode, see global-setup). */

async function expectSignedInAs(page: Page, name: string, flavour: string) {
  const header = page.getByRole('banner');
  await expect(header.getByText(name)).toBeVisible();
  await expect(header.getByText(flavour, { exact: false })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('a demo account button signs in to Data Center and lands on Open', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${appUrl}/login`);
  await expect(page).toHaveTitle('Sign in · Pagewright');
  const demo = page.getByRole('region', { name: 'Demo accounts' });
  await expect(demo).toBeVisible();
  // Demo mode: the server signs in to its emulator, so there is no URL to type.
  await expect(page.getByLabel('Confluence URL')).toHaveCount(0);
  await demo.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();

  await expect(page).toHaveURL(`${appUrl}/`);
  await expectSignedInAs(page, 'Demo User', 'Data Center');
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  const session = await (await page.request.get(`${appUrl}/api/session`)).json();
  expect(session.session).toMatchObject({ displayName: 'Demo User', flavour: 'datacenter' });
  // Nothing on these screens needs an inline script or style the strict CSP would block.
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('typed Cloud credentials sign in; /login then says so and links to Open', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(`${appUrl}/login`);
  await expect(page.getByRole('radio', { name: 'Cloud' })).toBeChecked();
  await page.getByLabel('Email').fill('alex@example.com');
  await page.getByLabel('API token').fill('alex-token');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(`${appUrl}/`);
  await expectSignedInAs(page, 'Alex Other', 'Cloud');

  await page.goto(`${appUrl}/login`);
  await expect(page.getByText(/You are signed in as\s+Alex Other/)).toBeVisible();
  await page.getByRole('link', { name: 'Open a page' }).click();
  await expect(page).toHaveURL(`${appUrl}/`);
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a wrong token shows the generic error, keeps the typed email, and focuses the error', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill('demo@example.com');
  await page.getByLabel('API token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // (Next's route announcer is an empty alert too: pick ours by its text.)
  const alert = page.getByRole('alert').filter({ hasText: messageFor('sign_in_failed') });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue('demo@example.com');
  await expect(page).toHaveURL(`${appUrl}/login`);
  expect(offOrigin).toEqual([]);
  // The browser logs the 401 of the failed POST itself; nothing else may appear.
  expect(consoleErrors.filter((line) => !/status of 401/.test(line))).toEqual([]);
});

test('keyboard only: Tab into the form, arrows pick the method, Enter submits, Space signs in', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  await page.goto(`${appUrl}/login`);
  await expect(page.getByRole('region', { name: 'Demo accounts' })).toBeVisible();
  const cloud = page.getByRole('radio', { name: 'Cloud' });
  for (let i = 0; i < 15 && !(await cloud.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(cloud).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Data Center (login)' })).toBeChecked();

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('demo');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('wrong');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: messageFor('sign_in_failed') }),
  ).toBeFocused();

  // From the error, Tab leads back through the form with everything still filled in.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Data Center (login)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toHaveValue('demo');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('demo');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Space');

  await expect(page).toHaveURL(`${appUrl}/`);
  await expectSignedInAs(page, 'Demo User', 'Data Center');
  expect(consoleErrors.filter((line) => !/status of 401/.test(line))).toEqual([]);
});

test('?reason=expired says the session expired; ?next= is followed only on this site', async ({
  page,
  appUrl,
}) => {
  await page.goto(`${appUrl}/login?reason=expired&next=%2Fscratch`);
  await expect(page.getByText('Your session expired')).toBeVisible();
  await page.getByRole('button', { name: /Use demo account: Alex Other — Data Center/ }).click();
  await expect(page).toHaveURL(`${appUrl}/scratch`);

  await page.context().clearCookies();
  await page.goto(`${appUrl}/login?next=%2F%2Fevil.test%2Fx`);
  await page.getByRole('button', { name: /Use demo account: Alex Other — Data Center/ }).click();
  await expect(page).toHaveURL(`${appUrl}/`);
});

test('Sign out returns to a signed-out state and /api/session says null', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Cloud/ }).click();
  await expectSignedInAs(page, 'Demo User', 'Cloud');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${appUrl}/login`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const session = await (await page.request.get(`${appUrl}/api/session`)).json();
  expect(session.session).toBeNull();

  await page.goto(appUrl);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Page ID, URL or title')).toHaveCount(0);
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
