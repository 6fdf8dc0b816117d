import { expect, test } from './fixtures';
import { resetEmulator } from './emulator-admin';

/**
 * The instant preview keeps up with typing: a keystroke's preview is patched in the
 * same task as the edit, before the browser's next frame. Expressed without timing: Monaco draws
 * a typed character in its next animation frame, so the preview's frame document must have
 * changed before the editor's own lines do. (The ≤ 16 ms goal itself is `npm run bench`'s.)
 */

declare global {
  interface Window {
    __order?: { seq: number; preview: number[]; editor: number[] };
  }
}

test.beforeEach(async () => {
  await resetEmulator();
});

test('each keystroke reaches the preview no later than the editor draws it', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Typed:');
  const frame = editorPage.preview;
  await expect(frame.getByText('Typed:', { exact: true })).toBeAttached();
  // Into the paragraph, before `</p>`.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');

  // One counter orders every first mutation seen: the frame's body and the editor's lines.
  await page.evaluate(() => {
    const order = { seq: 0, preview: [] as number[], editor: [] as number[] };
    window.__order = order;
    const iframe = document.querySelector<HTMLIFrameElement>('iframe[title="Preview"]')!;
    const lines = document.querySelector('.monaco-editor .view-lines')!;
    const options = { subtree: true, childList: true, characterData: true };
    new MutationObserver(() => void order.preview.push(++order.seq)).observe(
      iframe.contentDocument!.body,
      options,
    );
    new MutationObserver(() => void order.editor.push(++order.seq)).observe(lines, options);
  });

  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    const before = await page.evaluate(() => ({
      preview: window.__order!.preview.length,
      editor: window.__order!.editor.length,
    }));
    await page.keyboard.press(key);
    const seen = await page.waitForFunction(({ preview, editor }) => {
      const order = window.__order!;
      if (order.preview.length <= preview || order.editor.length <= editor) return false;
      return { preview: order.preview[preview]!, editor: order.editor[editor]! };
    }, before);
    const { preview, editor } = (await seen.jsonValue()) as { preview: number; editor: number };
    expect(preview, `key ${key}: the preview changed before the editor drew the key`).toBeLessThan(
      editor,
    );
  }
  await expect(frame.getByText('Typed:abcde', { exact: true })).toBeAttached();
  expect(consoleErrors).toEqual([]);
});
