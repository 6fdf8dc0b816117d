import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildIsCurrent } from '@/lib/demo/build-freshness';
import { freePort, waitForHttp } from '@/lib/testing/free-port';
import { startEmulator, type EmulatorHandle } from '@/lib/emulator';

/**
 * The production app in demo mode against an in-process emulator, both on free loopback ports:
 * what `npm run load` and the browser part of `npm run bench` measure. Same start-up as
 * e2e/global-setup.ts, plus building when the dist folder has no production build yet.
 */
export const ROOT = join(__dirname, '..');
const NEXT_BIN = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * The bench's own dist folder (PAGEWRIGHT_DIST_DIR, default `.next-bench`): a build for the
 * bench never overwrites the one `npm start` or an e2e run is using.
 */
export function benchDistDir(): string {
  return process.env.PAGEWRIGHT_DIST_DIR || '.next-bench';
}

/**
 * Runs `next build` into `distDir` unless the standalone build there (what `startDemoApp` runs)
 * is newer than every source.
 */
export function ensureProductionBuild(distDir: string): void {
  const buildId = join(ROOT, distDir, 'standalone', distDir, 'BUILD_ID');
  if (buildIsCurrent(ROOT, buildId)) return;
  console.log(
    existsSync(buildId)
      ? `The build in ${distDir}/ is older than the sources: running \`next build\` again (a few minutes).`
      : `No production build in ${distDir}/: running \`next build\` first (a few minutes).`,
  );
  // `next build` adds `<distDir>/types` to tsconfig's include for any new dist folder; the
  // checked-in tsconfig already covers `.next`, so the bench puts it back as it was.
  const tsconfig = join(ROOT, 'tsconfig.json');
  const tsconfigBefore = readFileSync(tsconfig, 'utf8');
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    env: { ...process.env, PAGEWRIGHT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (readFileSync(tsconfig, 'utf8') !== tsconfigBefore) writeFileSync(tsconfig, tsconfigBefore);
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

export interface DemoApp {
  appUrl: string;
  emulator: EmulatorHandle;
  close(): Promise<void>;
}

export async function startDemoApp(distDir = benchDistDir()): Promise<DemoApp> {
  ensureProductionBuild(distDir);
  const emulator = await startEmulator({ port: 0, dataFile: null });
  const port = await freePort();
  // `npm start`'s entry, as e2e/global-setup.ts runs it: the standalone production server, so the
  // figures are those of what ships (`next start` does not serve a standalone build as such).
  const app: ChildProcess = spawn(process.execPath, [join(ROOT, 'lib', 'server', 'start.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      PAGEWRIGHT_DIST_DIR: distDir,
      PAGEWRIGHT_DEMO: '1',
      // The load test measures throughput and lost updates; the per-session budget (RATE-3)
      // would otherwise turn its busiest users into 429s.
      PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE: '1000000',
      // Per-request logging would measure the terminal, not the app; conflicts (expected under
      // load) log as warnings.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      PAGEWRIGHT_EMULATOR_URL: emulator.url,
      PAGEWRIGHT_DEMO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pagewright-bench-')),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const appUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
  try {
    await waitForHttp(appUrl);
  } catch (error) {
    app.kill('SIGTERM');
    await emulator.close();
    throw error;
  }
  return {
    appUrl,
    emulator,
    close: async () => {
      if (app.exitCode === null) app.kill('SIGTERM');
      await exited;
      await emulator.close();
    },
  };
}
