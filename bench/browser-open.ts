import type { Browser, BrowserContext, Page } from '@playwright/test';

import { openEditor } from './browser-editor';
import { quantile, round } from './browser-stats';
import type { BrowserPage, EditorJs, OpenRow } from './browser-types';

/** Page open → editor interactive, and the JavaScript a cold browser fetches to get there. */

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
 * A fresh context (empty cache, the signed-in cookie only) opens the 20 KB page straight away;
 * every script and worker it fetches counts.
 */
export async function measureEditorJs(
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
