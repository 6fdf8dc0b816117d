import { gzipSync } from 'node:zlib';

import { chromium, type BrowserContext } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumExecutablePath } from '@/lib/testing/chromium';

import { signIn } from './browser-launch';
import type { BundleSizes } from './bundle-sizes';
import type { DemoApp } from './load-app';

/**
 * The check on bench/bundle-sizes.ts: what Chromium really fetches when it opens a route with an
 * empty cache. Its first load is every script the server's HTML names that it fetched; scripts
 * fetched afterwards (next/dynamic chunks, Monaco, workers) are the route's later loads. Sizes are
 * the gzip of each body as Chromium received it, computed as bundle-sizes computes them, so the
 * two figures must agree, file for file.
 */
export interface FetchedFirstLoadRow {
  route: string;
  /** Scripts the HTML names that Chromium fetched. */
  scripts: number;
  gzipKB: number;
  /** The same scripts' bytes on the wire, as the production server compressed them. */
  wireKB: number;
  /** bench/bundle-sizes.ts's figure for the route. */
  countedGzipKB: number;
  /** Files bundle-sizes counts that Chromium did not fetch at all. */
  countedNotFetched: number;
  /** First-load scripts Chromium fetched that bundle-sizes does not count. */
  fetchedNotCounted: number;
  /** Scripts the HTML names that Chromium never fetched (nomodule polyfills). */
  skipped: string;
  /** Scripts fetched after the first load, until the network is idle (gzip kB). */
  laterGzipKB: number;
}

interface FetchedScript {
  gzip: number;
  wire: number;
}

const kB = (bytes: number) => Number((bytes / 1000).toFixed(1));

/** `src` of each `<script>` in the HTML, and whether it is `nomodule`. */
function htmlScripts(html: string): Array<{ path: string; noModule: boolean }> {
  const scripts: Array<{ path: string; noModule: boolean }> = [];
  for (const [, attributes = ''] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src) {
      scripts.push({
        path: new URL(src, 'http://x').pathname,
        noModule: /\bnomodule\b/i.test(attributes),
      });
    }
  }
  return scripts;
}

/** Opens `url` in a new page of `context` and records every script it fetches until idle. */
async function fetchRoute(
  context: BrowserContext,
  url: string,
): Promise<{ html: string; fetched: Map<string, FetchedScript> }> {
  const page = await context.newPage();
  const fetched = new Map<string, FetchedScript>();
  const reads: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    reads.push(
      (async () => {
        const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
        const { responseBodySize } = await request.sizes();
        fetched.set(new URL(request.url()).pathname, {
          gzip: gzipSync(body).length,
          wire: Math.max(0, responseBodySize),
        });
      })(),
    );
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  const html = (await response?.text()) ?? '';
  await Promise.all(reads);
  await page.close();
  return { html, fetched };
}

function compare(
  route: string,
  html: string,
  fetched: Map<string, FetchedScript>,
  bundles: BundleSizes,
): FetchedFirstLoadRow {
  const counted = new Set((bundles.firstLoadFiles[route] ?? []).map((file) => `/_next/${file}`));
  const named = htmlScripts(html);
  const firstLoad = named.filter((script) => fetched.has(script.path));
  const firstLoadPaths = new Set(firstLoad.map((script) => script.path));
  let gzip = 0;
  let wire = 0;
  for (const path of firstLoadPaths) {
    gzip += fetched.get(path)!.gzip;
    wire += fetched.get(path)!.wire;
  }
  let later = 0;
  for (const [path, script] of fetched) if (!firstLoadPaths.has(path)) later += script.gzip;
  return {
    route,
    scripts: firstLoadPaths.size,
    gzipKB: kB(gzip),
    wireKB: kB(wire),
    countedGzipKB: bundles.routes.find((row) => row.route === route)?.gzipKB ?? 0,
    countedNotFetched: [...counted].filter((path) => !fetched.has(path)).length,
    fetchedNotCounted: [...firstLoadPaths].filter((path) => !counted.has(path)).length,
    skipped:
      named
        .filter((script) => !fetched.has(script.path))
        .map((script) => `${script.path}${script.noModule ? ' (nomodule)' : ''}`)
        .join(', ') || 'none',
    laterGzipKB: kB(later),
  };
}

/** `/login` signed out and `/pages/{pageId}` signed in, each from an empty cache. */
export async function measureFetchedFirstLoad(
  app: DemoApp,
  bundles: BundleSizes,
  pageId: string,
): Promise<FetchedFirstLoadRow[]> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const rows: FetchedFirstLoadRow[] = [];
    const signedOut = await browser.newContext();
    const login = await fetchRoute(signedOut, `${app.appUrl}/login`);
    rows.push(compare('/login', login.html, login.fetched, bundles));
    const signInPage = await signedOut.newPage();
    await signIn(signInPage, app.appUrl);
    const storageState = await signedOut.storageState();
    await signedOut.close();

    const signedIn = await browser.newContext({ storageState });
    const editor = await fetchRoute(signedIn, `${app.appUrl}/pages/${pageId}`);
    rows.push(compare('/pages/[id]', editor.html, editor.fetched, bundles));
    await signedIn.close();
    return rows;
  } finally {
    await browser.close();
  }
}
