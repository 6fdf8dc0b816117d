import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import { SEED_USERS, startEmulator } from '../lib/emulator';
import { freePort, waitForHttp } from '../lib/testing/free-port';

import { JOURNEY_USER } from './security/journey-user';

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
  // The security suite's user with one-of-a-kind secrets (e2e/security/journey-user.ts).
  if (!SEED_USERS.some((user) => user.username === JOURNEY_USER.username))
    SEED_USERS.push(JOURNEY_USER);
  const emulator = await startEmulator({ port: 0, dataFile: null });
  const port = await freePort();
  // Every line the server writes also goes to a file the specs can read (the security suite
  // asserts that no credential ever reaches a log line); the console still gets warnings and
  // errors only, at the level below.
  const serverLogFile = join(mkdtempSync(join(tmpdir(), 'pagewright-e2e-log-')), 'server.log');
  const serverLog = createWriteStream(serverLogFile);
  const demoDataDir = mkdtempSync(join(tmpdir(), 'pagewright-e2e-'));
  // `npm start`'s entry: assembles the standalone build and runs the production server on it.
  const app = spawn(process.execPath, [join(root, 'lib', 'server', 'start.js')], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      PAGEWRIGHT_DEMO: '1',
      // Everything into the log file (LOG-2 needs the info lines too), see forwardLog.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'debug',
      PAGEWRIGHT_EMULATOR_URL: emulator.url,
      PAGEWRIGHT_DEMO_DATA_DIR: demoDataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardLog(app.stdout, process.stdout, serverLog);
  forwardLog(app.stderr, process.stderr, serverLog);
  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(appUrl);
  process.env.E2E_APP_URL = appUrl;
  process.env.E2E_EMULATOR_URL = emulator.url;
  process.env.E2E_SERVER_LOG_FILE = serverLogFile;
  // Holds the demo session secret: the bundle scan checks it never reached the browser.
  process.env.E2E_DEMO_DATA_DIR = demoDataDir;

  return async () => {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await emulator.close();
    serverLog.end();
  };
}

/** pino's level numbers: 40 is warn. */
const CONSOLE_MIN_LEVEL = 40;

/**
 * Copies every chunk of the server's output to the log file, and to the console the lines that
 * are not JSON log records below warn (so the run's output stays readable).
 */
function forwardLog(from: Readable, console: NodeJS.WriteStream, file: WriteStream): void {
  let pending = '';
  from.on('data', (chunk: Buffer) => {
    file.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (showOnConsole(line)) console.write(`${line}\n`);
  });
  from.on('end', () => {
    if (pending && showOnConsole(pending)) console.write(`${pending}\n`);
  });
}

function showOnConsole(line: string): boolean {
  if (!line.startsWith('{')) return line.trim() !== '';
  try {
    const level = (JSON.parse(line) as { level?: unknown }).level;
    return typeof level !== 'number' || level >= CONSOLE_MIN_LEVEL;
  } catch {
    return true;
  }
}
