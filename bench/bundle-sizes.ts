import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/**
 * First-load JS per route (every app route) and the size of the Monaco chunk, read from a
 * production build: `build-manifest.json` names the chunks every page loads (framework, runtime);
 * each page's client reference manifest names its layout's and its own entry chunks. Chunks a
 * route loads later (next/dynamic, import()) are not in them. Monaco must not be in any of them:
 * it loads lazily, in its own chunk, when the editor mounts.
 */
export interface RouteSize {
  route: string;
  chunks: number;
  kB: number;
  gzipKB: number;
  /** Of gzipKB: the chunks every route loads before any app code (React, Next's runtime). */
  frameworkGzipKB: number;
  /** Of gzipKB: the layout's and the page's own chunks. */
  appGzipKB: number;
  /** The first-load goal (gzip kB, issue #16), or null where none is set. */
  goalGzipKB: number | null;
}

/** First-load JS goals per route, gzip kB (issue #16: "Cost follows the edit"). */
export const FIRST_LOAD_GOALS: Readonly<Record<string, number>> = {
  '/pages/[id]': 150,
  '/login': 110,
};

export interface ChunkSize {
  file: string;
  kB: number;
  gzipKB: number;
}

export interface BundleSizes {
  routes: RouteSize[];
  /** Route → the files its first load counts (paths under the dist folder). */
  firstLoadFiles: Record<string, string[]>;
  /** The chunks every route loads (`rootMainFiles`), each with its size. */
  frameworkChunks: ChunkSize[];
  /**
   * Next's legacy polyfills (`polyfillFiles`): in `<script noModule>`, which a browser that runs
   * modules never fetches, so no first load counts them.
   */
  polyfillChunks: ChunkSize[];
  /** The largest lazily loaded chunk that sets up Monaco (the editor core). */
  monacoChunk: ChunkSize | null;
  /** Whether any route loads Monaco up front (it should not). */
  monacoInFirstLoad: boolean;
}

interface RscManifest {
  entryJSFiles?: Record<string, string[]>;
}

const kB = (bytes: number) => Number((bytes / 1000).toFixed(1));

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, found);
    else found.push(path);
  }
  return found;
}

function chunkSize(distRoot: string, file: string): ChunkSize {
  const { bytes, gzip } = sizes(distRoot, [file]);
  return { file, kB: kB(bytes), gzipKB: kB(gzip) };
}

function sizes(distRoot: string, files: Iterable<string>): { bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(distRoot, file));
    bytes += content.length;
    gzip += gzipSync(content).length;
  }
  return { bytes, gzip };
}

/** Route → its page's client reference manifest, evaluated in a sandbox (it is a JS file). */
function pageManifests(distRoot: string): Map<string, RscManifest> {
  const appDir = join(distRoot, 'server', 'app');
  const manifests = new Map<string, RscManifest>();
  for (const file of walk(appDir)) {
    if (!file.endsWith('page_client-reference-manifest.js')) continue;
    const sandbox: { __RSC_MANIFEST?: Record<string, RscManifest> } = {};
    runInNewContext(readFileSync(file, 'utf8'), { globalThis: sandbox });
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const route = key.replace(/\/page$/, '') || '/';
      if (!/^\/_(global-error|not-found)/.test(route)) manifests.set(route, manifest);
    }
  }
  return manifests;
}

export function measureBundleSizes(distRoot: string): BundleSizes {
  const buildManifest = JSON.parse(readFileSync(join(distRoot, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
    polyfillFiles?: string[];
  };
  const firstLoadFiles = new Set<string>();
  const filesByRoute: Record<string, string[]> = {};
  const routes: RouteSize[] = [];
  const framework = sizes(distRoot, buildManifest.rootMainFiles);
  for (const [route, manifest] of [...pageManifests(distRoot)].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const files = new Set(buildManifest.rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles ?? {})) {
      for (const chunk of chunks) files.add(chunk);
    }
    for (const file of files) firstLoadFiles.add(file);
    filesByRoute[route] = [...files];
    const { bytes, gzip } = sizes(distRoot, files);
    routes.push({
      route,
      chunks: files.size,
      kB: kB(bytes),
      gzipKB: kB(gzip),
      frameworkGzipKB: kB(framework.gzip),
      appGzipKB: kB(gzip - framework.gzip),
      goalGzipKB: FIRST_LOAD_GOALS[route] ?? null,
    });
  }

  // Monaco's core chunk reads MonacoEnvironment (workers from the app's own bundle, no CDN). What
  // the editor page really loads, lazy chunks included, is measured in the browser (browser.ts).
  const chunkDir = join(distRoot, 'static', 'chunks');
  const editorChunks = readdirSync(chunkDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => relative(distRoot, join(chunkDir, name)))
    .filter((file) => readFileSync(join(distRoot, file), 'utf8').includes('MonacoEnvironment'));
  const monacoInFirstLoad = editorChunks.some((file) => firstLoadFiles.has(file));
  const lazy = editorChunks.filter((file) => !firstLoadFiles.has(file));
  const largest = lazy
    .map((file) => ({ file, bytes: statSync(join(distRoot, file)).size }))
    .sort((a, b) => b.bytes - a.bytes)[0];
  const monacoChunk = largest ? chunkSize(distRoot, largest.file) : null;
  return {
    routes,
    firstLoadFiles: filesByRoute,
    frameworkChunks: buildManifest.rootMainFiles.map((file) => chunkSize(distRoot, file)),
    polyfillChunks: (buildManifest.polyfillFiles ?? []).map((file) => chunkSize(distRoot, file)),
    monacoChunk,
    monacoInFirstLoad,
  };
}
