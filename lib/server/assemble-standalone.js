// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by `node` with no bundler */
'use strict';

/**
 * Makes `<distDir>/standalone` runnable on its own. `next build` with `output: 'standalone'`
 * writes the server and only the node_modules it needs there, but leaves the browser assets
 * (`<distDir>/static`, `public/`) behind; this copies them in, together with the production entry
 * point (pagewright-server.js). The Dockerfile does the same with COPY lines.
 *
 *   node lib/server/assemble-standalone.js   # after `next build`; honours PAGEWRIGHT_DIST_DIR
 *
 * Plain CommonJS: `npm start` must work with nothing but Node (no TypeScript loader).
 */
const { cpSync, existsSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ENTRY_NAME = 'pagewright-server.js';
const defaultRoot = resolve(__dirname, '..', '..');

/**
 * @param {{ root?: string, distDir?: string }} [options]
 * @returns {{ dir: string, entry: string }} the runnable folder and the file to run with `node`
 */
function assembleStandalone(options = {}) {
  const root = options.root ?? defaultRoot;
  const distDir = options.distDir ?? (process.env.PAGEWRIGHT_DIST_DIR || '.next');
  const dir = join(root, distDir, 'standalone');
  if (!existsSync(join(dir, distDir, 'BUILD_ID'))) {
    throw new Error(
      `No standalone build in ${dir}: run \`npm run build\` first (with the same PAGEWRIGHT_DIST_DIR).`,
    );
  }
  const staticTarget = join(dir, distDir, 'static');
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(join(root, distDir, 'static'), staticTarget, { recursive: true });
  if (existsSync(join(root, 'public'))) {
    cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
  }
  const entry = join(dir, ENTRY_NAME);
  cpSync(join(__dirname, ENTRY_NAME), entry);
  return { dir, entry };
}

module.exports = { ENTRY_NAME, assembleStandalone };

if (require.main === module) {
  try {
    const { dir } = assembleStandalone();
    console.log(`standalone server assembled in ${dir}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
