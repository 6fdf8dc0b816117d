import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator } from '../../lib/emulator';

import {
  assembleStandalone,
  DIST_DIR,
  ROOT,
  startInstance,
  startNginx,
  startRedis,
  TEST_SESSION_SECRET,
  type Running,
} from './processes';

/**
 * A two-instance deployment on loopback for the deploy suite: redis-server, the Confluence
 * emulator, two production instances (same SESSION_SECRET, shared REDIS_URL, each with its own
 * demo data folder so nothing but the environment is shared) and nginx balancing round robin in
 * front. Specs read E2E_APP_URL (nginx), E2E_INSTANCE_URLS, E2E_EMULATOR_URL, E2E_REDIS_URL and
 * E2E_INSTANCE_LOGS. Everything is stopped afterwards, in reverse order.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  readFileSync(join(ROOT, DIST_DIR, 'standalone', DIST_DIR, 'BUILD_ID'));
  const workDir = mkdtempSync(join(tmpdir(), 'pagewright-deploy-'));
  const started: Running[] = [];
  const emulator = await startEmulator({ port: 0, dataFile: null });
  const stopAll = async () => {
    for (const running of started.reverse()) await running.stop();
    await emulator.close();
    if (!process.env.E2E_KEEP_DEPLOY_DIR) rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const redis = await startRedis(workDir);
    started.push(redis);
    const { dir } = assembleStandalone();
    const instances = [];
    for (const id of ['a', 'b']) {
      const instance = await startInstance(
        `app-${id}`,
        dir,
        ['node', 'pagewright-server.js'],
        {
          SESSION_SECRET: TEST_SESSION_SECRET,
          REDIS_URL: redis.url,
          TRUST_PROXY: '1',
          PAGEWRIGHT_INSTANCE_ID: id,
          PAGEWRIGHT_DEMO: '1',
          PAGEWRIGHT_EMULATOR_URL: emulator.url,
          PAGEWRIGHT_DEMO_DATA_DIR: mkdtempSync(join(workDir, `demo-${id}-`)),
        },
        workDir,
      );
      started.push(instance);
      instances.push(instance);
    }
    const nginx = await startNginx(
      workDir,
      instances.map((instance) => instance.url),
    );
    started.push(nginx);
    process.env.E2E_APP_URL = nginx.url;
    process.env.E2E_INSTANCE_URLS = instances.map((instance) => instance.url).join(' ');
    process.env.E2E_INSTANCE_LOGS = instances.map((instance) => instance.logFile).join(' ');
    process.env.E2E_EMULATOR_URL = emulator.url;
    process.env.E2E_REDIS_URL = redis.url;
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
