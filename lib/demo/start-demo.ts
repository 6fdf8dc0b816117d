import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

import { startEmulator } from '../emulator';
import { buildIsCurrent } from './build-freshness';

/**
 * `npm run demo`: the embedded Confluence emulator and the app, together, in one terminal.
 * PORT (app, default 3000), EMULATOR_PORT (default 8090), EMULATOR_DATA (default
 * .data/emulator.json) are honoured; Ctrl+C stops both. The app is built first when the build
 * is missing or older than the sources, then served by the production server `npm start` runs
 * (lib/server/start.js on the standalone build: fast pages, no dev compile).
 */
const root = resolve(__dirname, '..', '..');
const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 8090);
const dataFile = resolve(process.env.EMULATOR_DATA ?? join(root, '.data', 'emulator.json'));
const host = process.env.HOST ?? '127.0.0.1';

function run(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, script), ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: emulatorPort, host, dataFile });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The demo builds and serves `.next`: a PAGEWRIGHT_DIST_DIR left over from tests must not split them.
    PAGEWRIGHT_DIST_DIR: '.next',
    // One JSON line per request would bury the addresses printed below; LOG_LEVEL=info shows them.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    PAGEWRIGHT_DEMO: '1',
    PAGEWRIGHT_EMULATOR_URL: emulator.url,
    PAGEWRIGHT_DEMO_DATA_DIR: resolve(dataFile, '..'),
  };
  console.log(`Confluence emulator: ${emulator.url} (data: ${dataFile})`);

  if (!buildIsCurrent(root)) {
    console.log('Building the app (first start, or the sources changed)…');
    const build = run('node_modules/next/dist/bin/next', ['build'], env);
    const code = await new Promise<number | null>((done) => build.once('exit', done));
    if (code !== 0) {
      await emulator.close();
      throw new Error(`next build failed with exit code ${code}`);
    }
  }

  const app = run('lib/server/start.js', [], { ...env, PORT: String(appPort), HOST: host });
  console.log(
    `Pagewright: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${appPort} (also http://localhost:${appPort})`,
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill('SIGTERM');
    await emulator.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  app.once('exit', (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
