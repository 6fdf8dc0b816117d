import type { Locator, Page } from '@playwright/test';

import { FLAVOURS, openPageAs, previewFrame } from './cloud-parity-steps';
import { expect, test } from './fixtures';
import { appErrors, emulatorAdmin, SANDBOX_ID } from './save-helpers';

function mainEditor(page: Page): Locator {
  return page
    .locator('.monaco-editor')
    .filter({ has: page.getByRole('textbox', { name: /^Storage format source of / }) });
}

/** Around the page: labels added and removed, PNGs attached by the file input and by drop. */

// A 2×2 opaque PNG: small, but a real image the preview can decode.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFElEQVR42mNk+M9Qz0AEYBxVSF8FAP5FBf8S7rNgAAAAAElFTkSuQmCC',
  'base64',
);

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

/** Drops a PNG made in the page onto the Monaco text, as a file dragged from the desktop would. */
async function dropPng(page: Page, name: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/png' }));
      return transfer;
    },
    { base64: PNG.toString('base64'), name },
  );
  const target = mainEditor(page).locator('.view-lines');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

for (const flavour of FLAVOURS) {
  test(`${flavour}: add and remove a label; a refused name is explained`, async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    const labels = page.getByRole('list', { name: 'Labels of this page' });
    const field = page.getByLabel('Add label');
    await field.fill('release-notes');
    await field.press('Enter');
    await expect(labels.getByText('release-notes')).toBeVisible();
    await expect(field).toHaveValue('');

    await field.fill('two words');
    await field.press('Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: "Labels can't contain spaces" }),
    ).toBeVisible();
    await expect(field).toHaveValue('two words');

    await page.getByRole('button', { name: 'Remove label release-notes' }).click();
    await expect(labels.getByText('release-notes')).toHaveCount(0);
    await expect(labels).toContainText('No labels yet.');
    expect(offOrigin).toEqual([]);
    expect(appErrors(consoleErrors).filter((m) => !/status of 400/.test(m))).toEqual([]);
  });

  test(`${flavour}: attach a PNG by the file input and by drop, and see both in the preview`, async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    const attachments = page.getByRole('table', { name: 'Attachments' });

    await page.getByLabel('Attach file').setInputFiles({
      name: 'picked.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await expect(
      page.getByRole('status').filter({ hasText: 'Attached picked.png.' }),
    ).toBeVisible();
    const row = attachments.getByRole('row', { name: /picked\.png/ });
    await expect(row).toContainText(`${PNG.length} B`);
    await expect(row.getByRole('cell').nth(2)).toHaveText('1');
    // Monaco's view lines are not in document order: the preview below proves the ac:image.
    await expect(mainEditor(page).locator('.view-lines')).toContainText(
      '<ac:image><ri:attachment ri:filename="picked.png" />',
    );

    await dropPng(page, 'dropped.png');
    await expect(attachments.getByRole('row', { name: /dropped\.png/ })).toBeVisible();
    await expect(mainEditor(page).locator('.view-lines')).toContainText(
      'ri:filename="dropped.png"',
    );

    const frame = previewFrame(page);
    for (const name of ['picked.png', 'dropped.png']) {
      const image = frame.locator(`img[src*="/attachments/${name}"]`);
      await expect(image).toBeVisible();
      await expect
        .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
        .toBe(2);
    }

    // The same file again is not uploaded a second time.
    await page.getByLabel('Attach file').setInputFiles({
      name: 'picked.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await expect(
      page.getByRole('status').filter({ hasText: 'picked.png is unchanged: not uploaded again.' }),
    ).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toHaveText('1');
    expect(offOrigin).toEqual([]);
    expect(appErrors(consoleErrors)).toEqual([]);
  });
}

test('Cloud: a pasted image is attached and referenced', async ({ page, appUrl, offOrigin }) => {
  await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', 'Cloud');
  await mainEditor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await mainEditor(page)
    .locator('textarea, .native-edit-context')
    .first()
    .evaluate((element, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, PNG.toString('base64'));
  await expect(
    page.getByRole('table', { name: 'Attachments' }).getByRole('row', { name: /image\.png/ }),
  ).toBeVisible();
  await expect(previewFrame(page).locator('img[src*="/attachments/image.png"]')).toBeVisible();
  expect(offOrigin).toEqual([]);
});

test('a type a browser would run is refused before upload', async ({ page, appUrl }) => {
  await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', 'Data Center');
  await page.getByLabel('Attach file').setInputFiles({
    name: 'page.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Pagewright does not upload .html files' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attachments' })).toHaveCount(0);
});
