// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by `node` with no bundler */
'use strict';

/**
 * `npm start`: assembles the standalone build (cheap: copies the static assets) and runs its
 * production entry in this process, so signals (Ctrl+C, SIGTERM) reach the server directly.
 * PORT (default 3000) and HOST (default 0.0.0.0) choose where it listens.
 */
const { assembleStandalone } = require('./assemble-standalone');

try {
  const { entry } = assembleStandalone();
  require(entry);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
