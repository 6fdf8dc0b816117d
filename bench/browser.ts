import { corpusPage, oneLineCorpusPage, toOneLine } from './corpus-pages';
import { measureKeystrokes } from './browser-keystrokes';
import { openSignedInBrowser } from './browser-launch';
import { measureEditorJs, measureOpen } from './browser-open';
import type { BrowserPage, BrowserResults, KeystrokeRow, OpenRow } from './browser-types';
import type { DemoApp } from './load-app';
import { syntheticPage } from './synthetic-pages';

export type * from './browser-types';
export { measureKeystrokes } from './browser-keystrokes';
export { openSignedInBrowser } from './browser-launch';
export { measureOpen } from './browser-open';

/**
 * Chromium measurements on the production app: keystroke → preview updated (p50/p95) next to
 * Chromium's own DOMParser on the same body, and page open → editor interactive, on synthetic
 * 20 KB, 200 KB and 1 MB pages and on 1 MB of real, macro-rich bodies (multi-line and one line),
 * written into the emulator for the run.
 */

/** Seed pages whose bodies are replaced by bench bodies of each size for the run. */
export const BROWSER_PAGES: BrowserPage[] = [
  { label: '20 KB', pageId: '9470047', bytes: 20_000 },
  { label: '200 KB', pageId: '9470048', bytes: 200_000 },
  // The same page as Confluence's editor stores it: it opens laid out, and typing into it must
  // cost no more than typing into the multi-line page above (issue: real pages).
  {
    label: '200 KB one-line',
    pageId: '9470046',
    bytes: 200_000,
    makeBody: (bytes) => toOneLine(syntheticPage(bytes)),
  },
  { label: '1 MB', pageId: '9470042', bytes: 1_000_000 },
  { label: '1 MB corpus', pageId: '9470044', bytes: 1_000_000, makeBody: corpusPage },
  {
    label: '1 MB corpus one-line',
    pageId: '9470045',
    bytes: 1_000_000,
    makeBody: oneLineCorpusPage,
  },
];

/** Writes each target's body into the emulator; returns them by page id. */
export function seedSyntheticBodies(
  app: DemoApp,
  targets: readonly BrowserPage[],
): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const target of targets) {
    const body = (target.makeBody ?? syntheticPage)(target.bytes);
    bodies.set(target.pageId, body);
    if (!app.emulator.concurrentEdit(target.pageId, { user: 'demo', body, message: 'bench' })) {
      throw new Error(`page ${target.pageId} is not in the emulator`);
    }
  }
  return bodies;
}

export async function measureBrowser(
  app: DemoApp,
  {
    keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 200),
    /** Per page size: a 1 MB page re-renders only when idle, so 200 keys may not fit. */
    keystrokeBudgetMs = Number(process.env.BENCH_KEYSTROKE_BUDGET_MS ?? 90_000),
    openRuns = 3,
  } = {},
): Promise<BrowserResults> {
  const bodies = seedSyntheticBodies(app, BROWSER_PAGES);
  const { browser, context, page } = await openSignedInBrowser(app);
  try {
    const open: OpenRow[] = [];
    const keystroke: KeystrokeRow[] = [];
    for (const target of BROWSER_PAGES) {
      open.push(await measureOpen(page, app.appUrl, target, openRuns));
      // At the end of the page, then halfway down, where every block below moves with each key.
      for (const where of ['end', 'middle'] as const) {
        keystroke.push(
          await measureKeystrokes(
            page,
            app.appUrl,
            target,
            bodies.get(target.pageId)!,
            keystrokes,
            keystrokeBudgetMs,
            where,
          ),
        );
      }
    }
    const signedIn = await context.storageState();
    await context.close();
    const editorJs = await measureEditorJs(browser, signedIn, app.appUrl, BROWSER_PAGES[0]!.pageId);
    return { keystroke, open, editorJs };
  } finally {
    await browser.close();
  }
}
