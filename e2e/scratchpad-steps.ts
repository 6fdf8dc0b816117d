import type { Page } from '@playwright/test';

import { SCRATCH_BODY_KEY } from '../lib/editor/draft-store';
import { expect } from './fixtures';

/**
 * Opens the Scratchpad on `body`, seeded through the key the app itself reads (null: none stored,
 * so the built-in sample shows), and waits for Monaco.
 */
export async function openScratchpadWith(
  page: Page,
  appUrl: string,
  body: string | null,
): Promise<void> {
  await page.goto(`${appUrl}/scratch`);
  await page.evaluate(
    ({ key, value }) =>
      value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value),
    { key: SCRATCH_BODY_KEY, value: body },
  );
  await page.reload();
  await expect(page.locator('.monaco-editor')).toBeVisible();
}
