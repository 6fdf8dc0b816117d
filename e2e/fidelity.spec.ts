import type { Locator, Page } from '@playwright/test';

import { resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { previewFrame } from './pages/preview-frame';

/**
 * Fidelity marks of the instant preview: a block that is approximate (drawn by Pagewright) or
 * unresolved (checked with Confluence) carries a thin edge whose name is the reason; exact blocks
 * carry none. A summary line above the preview counts them. (One-line bodies, the marks' layout
 * and the summary's jumps: preview-marks.spec.ts.)
 */

const SHOWCASE_ID = '9470041';
const ATTACHMENTS_ID = '9470043';

/** The first top-level preview block (matching `selector`) containing `text`. */
function block(page: Page, text: string, selector = 'body > *'): Locator {
  return previewFrame(page).locator(selector).filter({ hasText: text }).first();
}

/**
 * The fidelity mark of the top-level block containing `text`: the mark whose source offset is
 * the block's. Resolves to nothing when the block is exact.
 */
async function markOf(page: Page, text: string, selector?: string): Promise<Locator> {
  const offset = await block(page, text, selector).getAttribute('data-source-offset');
  return previewFrame(page).locator(`pw-mark[data-source-offset="${offset}"]`);
}

/** Expects the block containing `text` to carry a mark of this kind and name (or none). */
async function expectMark(
  page: Page,
  text: string,
  fidelity: 'approximate' | 'unresolved' | null,
  label?: string | RegExp,
  selector?: string,
): Promise<void> {
  await expect(block(page, text, selector)).toBeVisible();
  await expect(async () => {
    const mark = await markOf(page, text, selector);
    if (fidelity === null) {
      await expect(mark).toHaveCount(0, { timeout: 1000 });
      return;
    }
    await expect(mark).toHaveAttribute('data-fidelity', fidelity, { timeout: 1000 });
    if (label !== undefined) await expect(mark).toHaveAccessibleName(label, { timeout: 1000 });
  }).toPass();
}

function summary(page: Page): Locator {
  return page.getByTestId('fidelity-summary');
}

/** Missing images are expected to 404; anything else in the console is an app error. */
function appErrors(errors: string[]): string[] {
  return errors.filter((message) => !/status of 404/.test(message));
}

test.beforeEach(async () => {
  await resetEmulator();
});

test('the macro showcase marks approximate blocks, and marks follow edits', async ({
  page,
  editorPage,
  offOrigin,
  consoleErrors,
}) => {
  await editorPage.signInAndOpen(SHOWCASE_ID);

  await expectMark(
    page,
    'An info panel.',
    'approximate',
    'Approximate: info macro rendered by Pagewright',
  );
  await expectMark(
    page,
    'DEMO-42',
    'approximate',
    'Approximate: jira macro rendered by Pagewright',
  );
  await expectMark(page, 'Unknown macro', 'unresolved', /^Unresolved: .*no-such-macro/);
  // Plain XHTML is exact: no mark.
  await expectMark(page, 'Admonitions', null, undefined, 'body > h2');
  expect(
    await previewFrame(page).locator('pw-mark[data-fidelity="approximate"]').count(),
  ).toBeGreaterThan(10);
  // Quiet: no text drawn on or above the blocks.
  await expect(previewFrame(page).locator('pw-mark').first()).toHaveText('');
  await expect(previewFrame(page).locator('body [data-pw-fidelity]')).toHaveCount(0);

  await expect(summary(page)).toContainText(
    /\d+ unresolved, \d+ approximate blocks — switch to Confluence rendering for the exact result/,
  );

  // Edits move every block down: the marks follow their blocks, the new block has none.
  await editorPage.prependParagraph('Inserted first');
  await expectMark(page, 'Inserted first', null);
  await expectMark(page, 'An info panel.', 'approximate');
  await expectMark(page, 'Macro showcase', null, undefined, 'body > h1');

  // "switch to Confluence rendering" does just that; Confluence's rendering has no marks.
  await summary(page).getByRole('button', { name: 'switch to Confluence rendering' }).click();
  await expect(page.getByRole('radio', { name: 'Confluence' })).toBeChecked();
  await expect(page.getByTestId('preview-label')).toContainText('Confluence rendering — exact');
  await expect(summary(page)).toHaveCount(0);
  await expect(previewFrame(page).locator('pw-mark')).toHaveCount(0);

  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a missing attachment is unresolved once Confluence has been asked', async ({
  page,
  editorPage,
  consoleErrors,
}) => {
  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/api/pages/${ATTACHMENTS_ID}/check`))
      checks.push(request.url());
  });
  await editorPage.signInAndOpen(ATTACHMENTS_ID);

  await expectMark(
    page,
    'an attachment that does not exist',
    'unresolved',
    'Unresolved: attachment missing.png not found',
  );
  // Attachments that exist stay exact.
  await expectMark(page, 'Read the notes', null);
  await expect(summary(page)).toContainText('1 unresolved block');
  await expect(summary(page)).not.toContainText('not checked yet');
  expect(checks).toHaveLength(1);

  // A reference added later is found by the next check, a few seconds after typing stops.
  await editorPage.appendParagraph(
    '<ac:image><ri:attachment ri:filename="also-missing.png" /></ac:image> second',
  );
  await expectMark(
    page,
    'second',
    'unresolved',
    'Unresolved: attachment also-missing.png not found',
  );
  await expect(summary(page)).toContainText('2 unresolved blocks');
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('the offline Scratchpad shows approximate marks and never asks Confluence', async ({
  page,
  scratchpad,
}) => {
  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/check')) checks.push(request.url());
  });
  await scratchpad.openWith(
    '<p>Plain</p>\n<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Scratch info</p></ac:rich-text-body></ac:structured-macro>',
  );
  await expectMark(page, 'Scratch info', 'approximate');
  await expectMark(page, 'Plain', null);
  await expect(summary(page)).toContainText(
    '1 approximate block — Confluence renders them exactly in the page editor',
  );
  await page.waitForTimeout(3500);
  expect(checks).toEqual([]);
});
