import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { clearFaults, resetEmulator, setFaults } from './emulator-admin';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/**
 * A big upload shows its progress: a 40 MB file goes through the "Attach file" input while the
 * emulator reads uploads at 10 MB/s (its `uploadBytesPerSecond` knob; over loopback the file
 * would otherwise be gone before the bar is drawn), and the bar's values rise to 100.
 */
const SIZE = 40 * 1024 * 1024;
let folder = '';

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pagewright-upload-'));
  // Not all zeros, so nothing on the way can shrink it.
  const bytes = Buffer.alloc(SIZE);
  for (let offset = 0; offset < SIZE; offset += 4)
    bytes.writeUInt32LE((offset * 2654435761) >>> 0, offset);
  await writeFile(join(folder, 'big-upload.bin'), bytes);
});

test.afterAll(async () => {
  await clearFaults();
  await resetEmulator();
  await rm(folder, { recursive: true, force: true });
});

test('a 40 MB upload shows its progress rising through intermediate values to done', async ({
  page,
  editorPage,
}) => {
  test.setTimeout(120_000);
  await resetEmulator();
  await setFaults({ uploadBytesPerSecond: 10_000_000, pathPattern: '/child/attachment' });
  await editorPage.signInAndOpen(SANDBOX_ID);

  // Every value the bar takes, as the page renders it.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const note = (node: Node) => {
      if (node instanceof HTMLProgressElement) seen.push(node.value);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') note(record.target);
        record.addedNodes.forEach((added) => {
          note(added);
          if (added instanceof Element) added.querySelectorAll('progress').forEach(note);
        });
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    });
  });

  await page.getByLabel('Attach file').setInputFiles(join(folder, 'big-upload.bin'));
  await expect(page.getByRole('progressbar', { name: 'Uploading big-upload.bin' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Attached big-upload.bin.' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: number[] }).progressSeen,
  );
  expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
  expect(new Set(seen.filter((value) => value > 0 && value < 100)).size).toBeGreaterThan(1);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(100);

  const row = editorPage.attachmentsTable.getByRole('row', { name: /big-upload\.bin/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('40 MB');
});
