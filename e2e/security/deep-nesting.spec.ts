import { expect, test } from '../fixtures';

/**
 * Hostile depth in the browser: the Scratchpad's engine (worker and main thread: checks,
 * preview, format, folding) takes a body nested 100,000 levels deep and says why Confluence
 * refuses it, and a body at the deepest level Confluence accepts still checks, previews and
 * formats.
 */

const MACRO_OPEN = '<ac:structured-macro ac:name="info"><ac:rich-text-body>';
const MACRO_CLOSE = '</ac:rich-text-body></ac:structured-macro>';

test.describe('deeply nested bodies in the Scratchpad', () => {
  test('100,000 nested divs: one clear error, a preview, and Format refuses', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    const body = `${'<div>'.repeat(100_000)}<p>deepest text</p>${'</div>'.repeat(100_000)}`;
    await scratchpad.openWith(body);
    await expect(scratchpad.errorCount).toHaveText('1 error', { timeout: 30_000 });
    await scratchpad.toolbarButton('Validate').click();
    await expect(
      page.getByRole('button', { name: /nested deeper than 999 levels/ }).first(),
    ).toBeVisible();
    const frame = scratchpad.preview;
    await expect(frame.getByText('deepest text')).toBeVisible({ timeout: 30_000 });
    await scratchpad.toolbarButton('Format').click();
    await expect(page.getByRole('status').filter({ hasText: 'error' })).toBeVisible();
    expect(await scratchpad.storedBody()).toBe(body);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('998 levels of macros (the most Confluence takes): no error, previewed, formatted', async ({
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    const body = `${MACRO_OPEN.repeat(499)}<p>deepest text</p>${MACRO_CLOSE.repeat(499)}`;
    await scratchpad.openWith(body);
    await expect(scratchpad.errorCount).toHaveText('0 errors', { timeout: 30_000 });
    const frame = scratchpad.preview;
    // 499 nested panels leave the innermost no width: rendered, though not visible.
    await expect(frame.getByText('deepest text')).toBeAttached({ timeout: 30_000 });
    await scratchpad.toolbarButton('Format').click();
    await expect.poll(() => scratchpad.storedBody(), { timeout: 30_000 }).toContain('\n  ');
    await expect(scratchpad.errorCount).toHaveText('0 errors');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
