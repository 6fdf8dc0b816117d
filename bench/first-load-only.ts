import { join } from 'node:path';

import { measureFetchedFirstLoad } from './browser-first-load';
import { measureBundleSizes } from './bundle-sizes';
import { ROOT, startDemoApp } from './load-app';

/**
 * First-load JS of one or more production builds, as bench/bundle-sizes.ts counts it and as
 * Chromium fetches it (bench/browser-first-load.ts), without the rest of `npm run bench`:
 *
 *   npx tsx bench/first-load-only.ts .next-before .next-after
 */
const SEED_PAGE_ID = '9470047';

async function main(): Promise<void> {
  const distDirs = process.argv.slice(2);
  if (distDirs.length === 0)
    throw new Error('usage: npx tsx bench/first-load-only.ts <distDir>...');
  for (const distDir of distDirs) {
    const bundles = measureBundleSizes(join(ROOT, distDir));
    console.log(`\n${distDir}: first-load JS per route, framework chunks, nomodule polyfills`);
    console.table(bundles.routes);
    console.table([...bundles.frameworkChunks, ...bundles.polyfillChunks]);
    const app = await startDemoApp(distDir);
    try {
      console.log(`${distDir}: what Chromium fetched (empty cache)`);
      console.table(await measureFetchedFirstLoad(app, bundles, SEED_PAGE_ID));
    } finally {
      await app.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
