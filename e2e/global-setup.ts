import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, waitForHttp } from '../lib/dev/free-port';

/**
 * Starts the production app on a free loopback port for the whole run and stops it afterwards.
 * Tests read the address from E2E_APP_URL (see e2e/fixtures.ts).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = join(__dirname, '..');
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first (npm run test:e2e does).');
  }
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
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(appUrl);
  process.env.E2E_APP_URL = appUrl;

  return async () => {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
  };
}
