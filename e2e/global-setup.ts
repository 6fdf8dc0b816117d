import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator } from '../lib/emulator';
import { freePort, waitForHttp } from '../lib/dev/free-port';

/**
 * Starts the Confluence emulator (in process, in memory) and the production app in demo mode,
 * both on free loopback ports, for the whole run; stops both afterwards. Tests read the
 * addresses from E2E_APP_URL and E2E_EMULATOR_URL (see e2e/fixtures.ts).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = join(__dirname, '..');
  const distDir = process.env.PAGEWRIGHT_DIST_DIR || '.next';
  if (!existsSync(join(root, distDir, 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first (npm run test:e2e does).');
  }
  const emulator = await startEmulator({ port: 0, dataFile: null });
  const port = await freePort();
  const app = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        PAGEWRIGHT_DEMO: '1',
        // Warnings and errors only: the run's output stays readable.
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        PAGEWRIGHT_EMULATOR_URL: emulator.url,
        PAGEWRIGHT_DEMO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pagewright-e2e-')),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(appUrl);
  process.env.E2E_APP_URL = appUrl;
  process.env.E2E_EMULATOR_URL = emulator.url;

  return async () => {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await emulator.close();
  };
}
