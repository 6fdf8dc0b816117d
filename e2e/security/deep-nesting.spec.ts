import type { Page } from '@playwright/test';

import { SCRATCH_BODY_KEY } from '../../lib/editor/draft-store';
import { expect, test } from '../fixtures';
import { openScratchpadWith } from '../scratchpad-steps';

/**
 * Hostile depth in the browser: the Scratchpad's engine (worker and main thread: checks,
 * preview, format, folding) takes a body nested 100,000 levels deep and says why Confluence
 * refuses it, and a body at the deepest level Confluence accepts still checks, previews and
 * formats.
 */

const MACRO_OPEN = '<ac:structured-macro ac:name="info"><ac:rich-text-body>';
const MACRO_CLOSE = '</ac:rich-text-body></ac:structured-macro>';

/** The body as the Scratchpad stored it (it writes shortly after each change). */
function storedBody(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), SCRATCH_BODY_KEY);
}

test.describe('deeply nested bodies in the Scratchpad', () => {
  test('100,000 nested divs: one clear error, a preview, and Format refuses', async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    const body = `${'<div>'.repeat(100_000)}<p>deepest text</p>${'</div>'.repeat(100_000)}`;
    await openScratchpadWith(page, appUrl, body);
    await expect(page.getByTestId('error-count')).toHaveText('1 error', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(
      page.getByRole('button', { name: /nested deeper than 999 levels/ }).first(),
    ).toBeVisible();
    const frame = page.frameLocator('iframe[title="Preview"]');
    await expect(frame.getByText('deepest text')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Format' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'error' })).toBeVisible();
    expect(await storedBody(page)).toBe(body);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('998 levels of macros (the most Confluence takes): no error, previewed, formatted', async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    const body = `${MACRO_OPEN.repeat(499)}<p>deepest text</p>${MACRO_CLOSE.repeat(499)}`;
    await openScratchpadWith(page, appUrl, body);
    await expect(page.getByTestId('error-count')).toHaveText('0 errors', { timeout: 30_000 });
    const frame = page.frameLocator('iframe[title="Preview"]');
    // 499 nested panels leave the innermost no width: rendered, though not visible.
    await expect(frame.getByText('deepest text')).toBeAttached({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Format' }).click();
    await expect.poll(() => storedBody(page), { timeout: 30_000 }).toContain('\n  ');
    await expect(page.getByTestId('error-count')).toHaveText('0 errors');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
