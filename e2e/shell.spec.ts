import { expect, test } from './fixtures';

test('the app shell loads over 127.0.0.1 without errors or off-origin requests', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Pagewright', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Pagewright');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
