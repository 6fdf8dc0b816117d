import { existsSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

import type { DemoApp } from './load-app';
import { corpusPage, oneLineCorpusPage } from './corpus-pages';
import { syntheticPage } from './synthetic-pages';

/**
 * Chromium measurements on the production app: keystroke → preview updated (p50/p95) next to
 * Chromium's own DOMParser on the same body, and page open → editor interactive, on synthetic
 * 20 KB, 200 KB and 1 MB pages and on 1 MB of real, macro-rich bodies (multi-line and one line),
 * written into the emulator for the run.
 */

/** Same flags as playwright.config.ts: this machine's closed network, no GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export interface BrowserPage {
  label: string;
  pageId: string;
  bytes: number;
  /** Builds the body (at least `bytes` long); synthetic tables and macros unless given. */
  makeBody?: (bytes: number) => string;
}

/** Seed pages whose bodies are replaced by bench bodies of each size for the run. */
export const BROWSER_PAGES: BrowserPage[] = [
  { label: '20 KB', pageId: '9470047', bytes: 20_000 },
  { label: '200 KB', pageId: '9470048', bytes: 200_000 },
  { label: '1 MB', pageId: '9470042', bytes: 1_000_000 },
  { label: '1 MB corpus', pageId: '9470044', bytes: 1_000_000, makeBody: corpusPage },
  {
    label: '1 MB corpus one-line',
    pageId: '9470045',
    bytes: 1_000_000,
    makeBody: oneLineCorpusPage,
  },
];

export interface KeystrokeRow {
  page: string;
  kB: number;
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Keystrokes whose preview did not update within the per-key timeout. */
  missed: number;
  /** Chromium's DOMParser (text/html) on the same body, median: the browser's own floor. */
  domParserMs: number;
}

export interface OpenRow {
  page: string;
  kB: number;
  runs: number;
  /** Navigation start → Monaco accepts focus and the preview frame is on screen (median). */
  interactiveMs: number;
  maxMs: number;
}

/** JavaScript a cold browser fetches to open the editor (lazy chunks and workers included). */
export interface EditorJs {
  scripts: number;
  /** Bytes on the wire (compressed as the production server serves them). */
  transferKB: number;
  decodedKB: number;
  /** The biggest scripts (path, decoded kB): where the cost is. */
  largest: Array<{ path: string; transferKB: number; decodedKB: number }>;
}

export interface BrowserResults {
  keystroke: KeystrokeRow[];
  open: OpenRow[];
  editorJs: EditorJs;
}

declare global {
  interface Window {
    __bench?: { keys: number[]; updates: number[] };
  }
}

/**
 * Installed before any page script: records every keydown's event time, and every moment the
 * preview on screen changed. Two preview designs are understood: a frame that swaps in a fresh
 * iframe (or a new srcdoc) per update, and a same-origin frame whose document the app patches in
 * place (then the mutations inside that document are the update). Plain JavaScript in a string:
 * tsx's transpiled functions call a `__name` helper that does not exist in the page.
 */
const PROBES_SCRIPT = `(() => {
  const bench = { keys: [], updates: [] };
  window.__bench = bench;
  window.addEventListener('keydown', (event) => bench.keys.push(event.timeStamp), true);
  const record = () => void bench.updates.push(performance.now());
  const inner = new MutationObserver(record);
  const watched = new WeakSet();
  let shown = null;
  let shownDoc = null;
  const check = () => {
    const frame = document.querySelector('iframe[title="Preview"]:not([aria-hidden="true"])');
    if (!frame) return;
    const srcdoc = frame.getAttribute('srcdoc');
    if (frame !== shown || srcdoc !== shownDoc) {
      if (shown !== null) record();
      shown = frame;
      shownDoc = srcdoc;
      frame.addEventListener('load', check);
    }
    let doc = null;
    try {
      doc = frame.contentDocument;
    } catch {
      doc = null;
    }
    if (doc && doc.body && !watched.has(doc)) {
      watched.add(doc);
      inner.observe(doc.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['title', 'aria-hidden', 'srcdoc'],
  });
})();`;

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

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

const round = (ms: number) => Number(ms.toFixed(2));

async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await page.getByLabel('Page ID or URL').waitFor();
}

async function openEditor(page: Page, appUrl: string, pageId: string): Promise<number> {
  // A local draft from an earlier run would open instead of the page (a fresh context has none).
  if (page.url().startsWith(appUrl)) {
    await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${pageId}`);
  }
  await page.goto(`${appUrl}/pages/${pageId}`, { waitUntil: 'commit' });
  return untilInteractive(page, 60_000);
}

export async function measureOpen(
  page: Page,
  appUrl: string,
  target: BrowserPage,
  runs: number,
): Promise<OpenRow> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await openEditor(page, appUrl, target.pageId));
  samples.sort((a, b) => a - b);
  return {
    page: target.label,
    kB: Math.round(target.bytes / 1000),
    runs,
    interactiveMs: round(quantile(samples, 0.5)),
    maxMs: round(samples[samples.length - 1]!),
  };
}

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

/** Waits until the preview stops changing (no update for `quietMs`). */
async function settle(page: Page, quietMs: number): Promise<void> {
  let last = -1;
  for (;;) {
    const count = await page.evaluate(() => window.__bench!.updates.length);
    if (count === last) return;
    last = count;
    await page.waitForTimeout(quietMs);
  }
}

export async function measureKeystrokes(
  page: Page,
  appUrl: string,
  target: BrowserPage,
  body: string,
  keystrokes: number,
  budgetMs: number,
): Promise<KeystrokeRow> {
  await openEditor(page, appUrl, target.pageId);
  // Type inside a new paragraph at the end: every key changes what the preview shows.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
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
    page: target.label,
    kB: Math.round(target.bytes / 1000),
    keystrokes: latencies.length,
    p50Ms: round(quantile(latencies, 0.5)),
    p95Ms: round(quantile(latencies, 0.95)),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
    missed,
    domParserMs: round(await domParserMs(page, body)),
  };
}

/**
 * A fresh context (empty cache, the signed-in cookie only) opens the 20 KB page straight away;
 * every script and worker it fetches counts.
 */
async function measureEditorJs(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  appUrl: string,
  pageId: string,
): Promise<EditorJs> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const scripts = new Map<string, { transfer: number; decoded: number }>();
    context.on('requestfinished', (request) => {
      const type = request.resourceType();
      if (type !== 'script' && !/\.js(\?|$)/.test(request.url())) return;
      void (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const decoded = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
        // A body served from cache reports no size on the wire (-1 or 0).
        scripts.set(request.url(), { transfer: Math.max(0, sizes.responseBodySize), decoded });
      })();
    });
    await openEditor(page, appUrl, pageId);
    // Workers and late lazy chunks start after the editor mounts: give them a moment.
    await page.waitForTimeout(2_000);
    let transfer = 0;
    let decoded = 0;
    for (const size of scripts.values()) {
      transfer += size.transfer;
      decoded += size.decoded;
    }
    const largest = [...scripts]
      .sort(([, a], [, b]) => b.decoded - a.decoded)
      .slice(0, 5)
      .map(([url, size]) => ({
        path: new URL(url).pathname,
        transferKB: Number((Math.max(0, size.transfer) / 1000).toFixed(1)),
        decodedKB: Number((size.decoded / 1000).toFixed(1)),
      }));
    return {
      scripts: scripts.size,
      transferKB: Number((transfer / 1000).toFixed(1)),
      decodedKB: Number((decoded / 1000).toFixed(1)),
      largest,
    };
  } finally {
    await context.close();
  }
}

function chromiumPath(): string | undefined {
  const debian = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(debian) ? debian : undefined;
}

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

/**
 * Chromium with the bench's probes installed before any page script, signed in to the demo app as
 * Demo User. The caller closes `browser`.
 */
export async function openSignedInBrowser(
  app: DemoApp,
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: PROBES_SCRIPT });
    const page = await context.newPage();
    // Leaving a page with typed, unsaved text asks first; the bench always leaves.
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, app.appUrl);
    return { browser, context, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
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
      keystroke.push(
        await measureKeystrokes(
          page,
          app.appUrl,
          target,
          bodies.get(target.pageId)!,
          keystrokes,
          keystrokeBudgetMs,
        ),
      );
    }
    const signedIn = await context.storageState();
    await context.close();
    const editorJs = await measureEditorJs(browser, signedIn, app.appUrl, BROWSER_PAGES[0]!.pageId);
    return { keystroke, open, editorJs };
  } finally {
    await browser.close();
  }
}
