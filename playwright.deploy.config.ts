import { defineConfig } from '@playwright/test';

import base from './playwright.config';

/**
 * The deployment suite (`npm run test:e2e` runs it after the main one, on the same build): the
 * Docker recipe started without Docker, graceful shutdown, and two instances behind nginx sharing
 * Redis. e2e/deploy/global-setup.ts starts and stops that deployment.
 */
export default defineConfig({
  ...base,
  testDir: './e2e/deploy',
  testMatch: '**/*.deploy.ts',
  timeout: 120_000,
  globalSetup: './e2e/deploy/global-setup.ts',
});
