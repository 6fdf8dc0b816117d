import { existsSync } from 'node:fs';

/**
 * How the e2e suite and the bench launch Chromium: Debian's build when it is installed (elsewhere
 * Playwright's own), without a GPU and without the background networking that tries to reach
 * Google at start-up, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
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

export function chromiumExecutablePath(): string | undefined {
  const debian = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(debian) ? debian : undefined;
}
