import type { Page } from '@playwright/test';

import { openEditor, settle } from './browser-editor';
import { quantile, round } from './browser-stats';
import type { BrowserPage, KeystrokeRow } from './browser-types';

/** Keystroke → preview updated, next to Chromium's own DOMParser on the same body. */

/**
 * Chromium's own HTML parse of the body, median of a few runs, in a blank page of the same
 * browser: the app's pages enforce Trusted Types (XSS-9), where DOMParser refuses a plain string.
 */
async function domParserMs(page: Page, body: string): Promise<number> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((source) => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        new DOMParser().parseFromString(source, 'text/html');
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      return samples[3]!;
    }, body);
  } finally {
    await blank.close();
  }
}

/** Where the keys are typed: after the last block, or halfway down (every block below moves). */
export type TypingPlace = 'end' | 'middle';

/** Waits (up to 10 s) until `read` gives `line`. */
async function waitForLine(page: Page, read: () => Promise<number>, line: number): Promise<void> {
  for (let waited = 0; waited < 10_000 && (await read()) !== line; waited += 50) {
    await page.waitForTimeout(50);
  }
}

/** Puts the cursor at the end of the page, or at the end of its middle line (Monaco's Go to Line). */
async function placeCursor(page: Page, where: TypingPlace): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  if (where === 'middle') {
    // Read from the status bar's "Ln N, Col M": Monaco's own line numbers exist only for lines it
    // has drawn. Read too early, the "last" line is the one the cursor was on before (line 1 on a
    // page just opened) and the keys go near the top: twice in full runs a mid-page row then
    // measured about 1 s per key (the keys went where the preview did not change, and each
    // "latency" was the next unrelated change of the frame).
    const statusLine = async () => {
      const text = await page
        .getByText(/^Ln \d+, Col \d+$/)
        .first()
        .textContent();
      return Number(/^Ln (\d+)/.exec(text ?? '')?.[1] ?? NaN);
    };
    /** The cursor's line once it holds still for 200 ms. */
    const activeLine = async () => {
      let last = await statusLine();
      for (let i = 0; i < 50; i++) {
        await page.waitForTimeout(200);
        const line = await statusLine();
        if (line === last) return line;
        last = line;
      }
      return last;
    };
    const lines = await activeLine();
    if (lines < 4) throw new Error(`keystroke bench: the page's last line read as ${lines}`);
    // The line number must reach the Go to Line box, and the box must be gone before typing.
    const middle = Math.floor(lines / 2);
    const goTo = page.locator('.quick-input-widget');
    await page.keyboard.press('Control+g');
    await goTo.locator('input').waitFor({ state: 'visible' });
    // Typed after the box's own ':' (the Go to Line prefix), which fill() would replace.
    await page.keyboard.insertText(String(middle));
    await page.keyboard.press('Enter');
    await goTo.waitFor({ state: 'hidden' });
    await waitForLine(page, statusLine, middle);
    if ((await activeLine()) !== middle) {
      throw new Error(`keystroke bench: Go to Line did not reach line ${middle}`);
    }
  }
  await page.keyboard.press('End');
  const inEditor = await page.evaluate(
    () => document.activeElement?.closest('.monaco-editor') !== null,
  );
  if (!inEditor) throw new Error('keystroke bench: the editor does not have the focus to type in');
}

export async function measureKeystrokes(
  page: Page,
  appUrl: string,
  target: BrowserPage,
  body: string,
  keystrokes: number,
  budgetMs: number,
  where: TypingPlace = 'end',
): Promise<KeystrokeRow> {
  await openEditor(page, appUrl, target.pageId);
  // Type inside a new paragraph: every key changes what the preview shows.
  await placeCursor(page, where);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('<p></p>');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await settle(page, target.bytes > 200_000 ? 2_500 : 500);

  const latencies: number[] = [];
  let missed = 0;
  const started = Date.now();
  for (let k = 0; k < keystrokes && Date.now() - started < budgetMs; k++) {
    const before = await page.evaluate(() => ({
      keys: window.__bench!.keys.length,
      updates: window.__bench!.updates.length,
    }));
    await page.keyboard.press(String.fromCharCode(97 + (k % 26)));
    try {
      const latency = await page.waitForFunction(
        ({ keys, updates }) => {
          const bench = window.__bench!;
          if (bench.keys.length <= keys || bench.updates.length <= updates) return false;
          // The first preview change after this key: its update, not a later one.
          const key = bench.keys[keys]!;
          const update = bench.updates.slice(updates).find((at) => at >= key);
          return update === undefined ? false : { ms: update - key };
        },
        before,
        { polling: 'raf', timeout: 10_000 },
      );
      latencies.push(((await latency.jsonValue()) as { ms: number }).ms);
    } catch {
      missed++;
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    page: where === 'end' ? target.label : `${target.label}, mid-page`,
    kB: Math.round(target.bytes / 1000),
    keystrokes: latencies.length,
    p50Ms: round(quantile(latencies, 0.5)),
    p95Ms: round(quantile(latencies, 0.95)),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
    missed,
    domParserMs: round(await domParserMs(page, body)),
  };
}
