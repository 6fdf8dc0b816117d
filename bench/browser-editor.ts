import type { Page } from '@playwright/test';

/** Opening a page in the editor, and waiting until the editor and its preview are ready or quiet. */

/** Resolves with ms since navigation start once the editor takes focus and the preview shows. */
async function untilInteractive(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const input = document.querySelector<HTMLElement>(
        '.monaco-editor textarea, .monaco-editor .native-edit-context',
      );
      const preview = document.querySelector<HTMLIFrameElement>('iframe[title="Preview"]');
      if (!input || !preview || input.closest('[inert], [aria-busy="true"]')) return false;
      // A same-origin frame is readable: it must hold the rendered page, not an empty shell.
      let body: HTMLElement | null | undefined;
      try {
        body = preview.contentDocument?.body;
      } catch {
        body = undefined;
      }
      if (body && body.childElementCount === 0) return false;
      return performance.now();
    },
    undefined,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

export async function openEditor(page: Page, appUrl: string, pageId: string): Promise<number> {
  // A local draft from an earlier run would open instead of the page (a fresh context has none).
  if (page.url().startsWith(appUrl)) {
    await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${pageId}`);
  }
  await page.goto(`${appUrl}/pages/${pageId}`, { waitUntil: 'commit' });
  return untilInteractive(page, 60_000);
}

/** Waits until the preview stops changing (no update for `quietMs`). */
export async function settle(page: Page, quietMs: number): Promise<void> {
  let last = -1;
  for (;;) {
    const count = await page.evaluate(() => window.__bench!.updates.length);
    if (count === last) return;
    last = count;
    await page.waitForTimeout(quietMs);
  }
}
