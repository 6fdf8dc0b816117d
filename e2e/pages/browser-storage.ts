import type { Page } from '@playwright/test';

/** The page's localStorage, read and written from the test (null removes the key). */
export function readStored(page: Page, key: string): Promise<string | null> {
  return page.evaluate((name) => localStorage.getItem(name), key);
}

export async function writeStored(page: Page, key: string, value: string | null): Promise<void> {
  await page.evaluate(
    ({ name, text }) =>
      text === null ? localStorage.removeItem(name) : localStorage.setItem(name, text),
    { name: key, text: value },
  );
}

/** Every key stored for the app's origin. */
export function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage));
}
