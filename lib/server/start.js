// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by `node` with no bundler */
'use strict';

/**
 * `npm start`: assembles the standalone build (cheap: copies the static assets) and runs its
 * production entry in this process, so signals (Ctrl+C, SIGTERM) reach the server directly.
 * PORT (default 3000) and HOST (default 0.0.0.0) choose where it listens.
 */
const path = require('node:path');

const { assembleStandalone } = require('./assemble-standalone');

// The server runs inside the build output, which the next build replaces: without a configured
// data folder, keep the signed-out sessions in the checkout's `.data` (where the demo keeps its own).
if (!process.env.PAGEWRIGHT_DATA_DIR && !process.env.PAGEWRIGHT_DEMO_DATA_DIR) {
  process.env.PAGEWRIGHT_DATA_DIR = path.resolve(__dirname, '..', '..', '.data');
}

try {
  const { entry } = assembleStandalone();
  require(entry);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
