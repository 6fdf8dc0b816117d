import type { FrameLocator, Locator, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { emulatorAdmin } from './save-helpers';
import { openScratchpadWith } from './scratchpad-steps';

/**
 * Fidelity badges of the instant preview (issue #7): each block says whether it is exact,
 * approximate (drawn by Pagewright) or unresolved (checked with Confluence), with a summary in the
 * pane's header.
 */

const SHOWCASE_ID = '9470041';
const ATTACHMENTS_ID = '9470043';

async function openPage(page: Page, appUrl: string, id: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${id}`);
  await page.goto(`${appUrl}/pages/${id}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

function preview(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Preview"]');
}

/** The top-level preview block containing `text`. */
function block(page: Page, text: string): Locator {
  return preview(page).locator('body > *').filter({ hasText: text }).first();
}

function summary(page: Page): Locator {
  return page.getByTestId('fidelity-summary');
}

/** Missing images are expected to 404; anything else in the console is an app error. */
function appErrors(errors: string[]): string[] {
  return errors.filter((message) => !/status of 404/.test(message));
}

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

test('the macro showcase marks approximate blocks, and badges follow edits', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openPage(page, appUrl, SHOWCASE_ID);

  const info = block(page, 'An info panel.');
  await expect(info).toHaveAttribute('data-pw-fidelity', 'approximate');
  await expect(info).toHaveAttribute(
    'data-pw-fidelity-label',
    'Approximate: info macro rendered by Pagewright',
  );
  await expect(block(page, 'DEMO-42')).toHaveAttribute(
    'data-pw-fidelity-label',
    'Approximate: jira macro rendered by Pagewright',
  );
  await expect(block(page, 'Unknown macro')).toHaveAttribute('data-pw-fidelity', 'unresolved');
  await expect(block(page, 'Unknown macro')).toHaveAttribute(
    'data-pw-fidelity-label',
    /^Unresolved: .*no-such-macro/,
  );
  // Plain XHTML is exact: no badge.
  await expect(preview(page).locator('body > h2', { hasText: 'Admonitions' })).not.toHaveAttribute(
    'data-pw-fidelity',
    /.*/,
  );
  expect(
    await preview(page).locator('body > [data-pw-fidelity="approximate"]').count(),
  ).toBeGreaterThan(10);

  await expect(summary(page)).toContainText(
    /\d+ approximate, \d+ unresolved blocks — switch to Confluence rendering for the exact result/,
  );

  // The badge is drawn in the frame's margin and above the block, from the frame's stylesheet.
  const drawn = await info.evaluate((element) => {
    const style = element.ownerDocument.defaultView!.getComputedStyle(element, '::after');
    return { content: style.content, position: style.position };
  });
  expect(drawn).toEqual({
    content: '"Approximate: info macro rendered by Pagewright"',
    position: 'absolute',
  });

  // Edits move every block down a line: the badges follow, the new block has none.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('<p>Inserted first</p>\n');
  await expect(block(page, 'Inserted first')).toBeVisible();
  await expect(block(page, 'Inserted first')).not.toHaveAttribute('data-pw-fidelity', /.*/);
  await expect(info).toHaveAttribute('data-pw-fidelity', 'approximate');
  await expect(preview(page).locator('body > h1')).not.toHaveAttribute('data-pw-fidelity', /.*/);

  // "switch to Confluence rendering" does just that; Confluence's rendering has no badges.
  await summary(page).getByRole('button', { name: 'switch to Confluence rendering' }).click();
  await expect(page.getByRole('radio', { name: 'Confluence' })).toBeChecked();
  await expect(page.getByTestId('preview-label')).toContainText('Confluence rendering — exact');
  await expect(summary(page)).toHaveCount(0);

  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a missing attachment is unresolved once Confluence has been asked', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/api/pages/${ATTACHMENTS_ID}/check`))
      checks.push(request.url());
  });
  await openPage(page, appUrl, ATTACHMENTS_ID);

  const missing = block(page, 'an attachment that does not exist');
  await expect(missing).toHaveAttribute('data-pw-fidelity', 'unresolved');
  await expect(missing).toHaveAttribute(
    'data-pw-fidelity-label',
    'Unresolved: attachment missing.png not found',
  );
  // Attachments that exist stay exact.
  await expect(block(page, 'Read the notes')).not.toHaveAttribute('data-pw-fidelity', /.*/);
  await expect(summary(page)).toContainText('1 unresolved block');
  await expect(summary(page)).not.toContainText('not checked yet');
  expect(checks).toHaveLength(1);

  // A reference added later is found by the next check, a few seconds after typing stops.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    '<p><ac:image><ri:attachment ri:filename="also-missing.png" /></ac:image> second</p>',
  );
  await expect(block(page, 'second')).toHaveAttribute(
    'data-pw-fidelity-label',
    'Unresolved: attachment also-missing.png not found',
  );
  await expect(summary(page)).toContainText('2 unresolved blocks');
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('the offline Scratchpad shows approximate badges and never asks Confluence', async ({
  page,
  appUrl,
}) => {
  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/check')) checks.push(request.url());
  });
  await openScratchpadWith(
    page,
    appUrl,
    '<p>Plain</p>\n<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Scratch info</p></ac:rich-text-body></ac:structured-macro>',
  );
  await expect(block(page, 'Scratch info')).toHaveAttribute('data-pw-fidelity', 'approximate');
  await expect(summary(page)).toContainText(
    '1 approximate block — Confluence renders them exactly in the page editor',
  );
  await page.waitForTimeout(3500);
  expect(checks).toEqual([]);
});
