import { defineConfig, devices } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumExecutablePath } from './lib/testing/chromium';

/**
 * E2E against a production build (`next build` runs first in `npm run test:e2e`). The app and
 * the emulator listen on free loopback ports chosen by e2e/global-setup.ts.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // CI machines are shared and noisy: one retry, so a timing flake on a loaded machine is reported
  // as "flaky" in the log instead of failing the run. A real failure fails both attempts.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
