import { FLAVOURS } from './cloud-parity-steps';
import { resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { appErrors, type FileToAttach, SANDBOX_ID } from './pages/editor-page';

/** Around the page: labels added and removed, PNGs attached by the file input, by drop and by paste. */

// A 2×2 opaque PNG: small, but a real image the preview can decode.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFElEQVR42mNk+M9Qz0AEYBxVSF8FAP5FBf8S7rNgAAAAAElFTkSuQmCC',
  'base64',
);

function png(name: string): FileToAttach {
  return { name, mimeType: 'image/png', buffer: PNG };
}

test.beforeEach(async () => {
  await resetEmulator();
});

for (const flavour of FLAVOURS) {
  test(`${flavour}: add and remove a label; a refused name is explained`, async ({
    page,
    offOrigin,
    consoleErrors,
    editorPage,
  }) => {
    await editorPage.signInAndOpen(SANDBOX_ID, { flavour });
    const labels = editorPage.labelList;
    await editorPage.addLabel('release-notes');
    await expect(labels.getByText('release-notes')).toBeVisible();
    await expect(editorPage.addLabelField).toHaveValue('');

    await editorPage.addLabel('two words');
    await expect(
      page.getByRole('alert').filter({ hasText: "Labels can't contain spaces" }),
    ).toBeVisible();
    await expect(editorPage.addLabelField).toHaveValue('two words');

    await editorPage.removeLabelButton('release-notes').click();
    await expect(labels.getByText('release-notes')).toHaveCount(0);
    await expect(labels).toContainText('No labels yet.');
    expect(offOrigin).toEqual([]);
    expect(appErrors(consoleErrors).filter((m) => !/status of 400/.test(m))).toEqual([]);
  });

  test(`${flavour}: attach a PNG by the file input and by drop, and see both in the preview`, async ({
    page,
    offOrigin,
    consoleErrors,
    editorPage,
  }) => {
    await editorPage.signInAndOpen(SANDBOX_ID, { flavour });
    const attachments = editorPage.attachmentsTable;
    const lines = editorPage.editor.locator('.view-lines');

    await editorPage.attachFile(png('picked.png'));
    await expect(
      page.getByRole('status').filter({ hasText: 'Attached picked.png.' }),
    ).toBeVisible();
    const row = attachments.getByRole('row', { name: /picked\.png/ });
    await expect(row).toContainText(`${PNG.length} B`);
    await expect(row.getByRole('cell').nth(2)).toHaveText('1');
    // Monaco's view lines are not in document order: the preview below proves the ac:image.
    await expect(lines).toContainText('<ac:image><ri:attachment ri:filename="picked.png" />');

    await editorPage.dropFile(png('dropped.png'));
    await expect(attachments.getByRole('row', { name: /dropped\.png/ })).toBeVisible();
    await expect(lines).toContainText('ri:filename="dropped.png"');

    for (const name of ['picked.png', 'dropped.png']) {
      const image = editorPage.preview.locator(`img[src*="/attachments/${name}"]`);
      await expect(image).toBeVisible();
      await expect
        .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
        .toBe(2);
    }

    // The same file again is not uploaded a second time.
    await editorPage.attachFile(png('picked.png'));
    await expect(
      page.getByRole('status').filter({ hasText: 'picked.png is unchanged: not uploaded again.' }),
    ).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toHaveText('1');
    expect(offOrigin).toEqual([]);
    expect(appErrors(consoleErrors)).toEqual([]);
  });
}

test('Cloud: a pasted image is attached and referenced', async ({ offOrigin, editorPage }) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { flavour: 'Cloud' });
  await editorPage.pasteFileAtStart(png('image.png'));
  await expect(editorPage.attachmentsTable.getByRole('row', { name: /image\.png/ })).toBeVisible();
  await expect(editorPage.preview.locator('img[src*="/attachments/image.png"]')).toBeVisible();
  expect(offOrigin).toEqual([]);
});

test('a type a browser would run is refused before upload', async ({ page, editorPage }) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { flavour: 'Data Center' });
  await editorPage.attachFile({
    name: 'page.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Pagewright does not upload .html files' }),
  ).toBeVisible();
  await expect(editorPage.attachmentsTable).toHaveCount(0);
});
