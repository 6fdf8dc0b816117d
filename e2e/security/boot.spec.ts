import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { freePort } from '../../lib/testing/free-port';

/**
 * The production entry (`npm start`: lib/server/start.js, then pagewright-server.js) refuses to
 * start when it could only answer 500 or forget sign-outs, and says why in one log line.
 */
const ROOT = join(__dirname, '..', '..');
const SECRET = 'boot-spec-secret-0123456789abcdefghij';

interface Outcome {
  code: number | null;
  output: string;
  listening: boolean;
}

async function start(env: Record<string, string>): Promise<Outcome> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'lib', 'server', 'start.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PAGEWRIGHT_DIST_DIR: process.env.PAGEWRIGHT_DIST_DIR ?? '.next',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listening = false;
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (!listening && output.includes('"event":"listening"')) {
      listening = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output, listening };
}

function fatalLine(output: string): Record<string, unknown> | undefined {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line.level === 60);
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'pagewright-boot-'));

test('without SESSION_SECRET the production server exits at once, naming the variable', async () => {
  const outcome = await start({ PAGEWRIGHT_DATA_DIR: dataDir() });
  expect(outcome.listening).toBe(false);
  expect(outcome.code).toBe(1);
  const fatal = fatalLine(outcome.output);
  expect(fatal?.msg).toBe('could not start');
  expect(String(fatal?.err)).toContain('Pagewright cannot start: SESSION_SECRET is not set');
});

test('a data folder it cannot write stops the start, naming the folder', async () => {
  const parent = dataDir();
  writeFileSync(join(parent, 'a-file'), '');
  const unwritable = join(parent, 'a-file', 'data');
  const outcome = await start({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: unwritable });
  expect(outcome.code).toBe(1);
  expect(String(fatalLine(outcome.output)?.err)).toContain(
    `the data folder ${unwritable} is not writable`,
  );
});

test('a damaged list of signed-out sessions stops the start instead of being forgotten', async () => {
  const dir = dataDir();
  writeFileSync(join(dir, 'revoked-sessions.json'), '{"version":1,"flags":{"abc":17');
  const outcome = await start({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: dir });
  expect(outcome.code).toBe(1);
  expect(String(fatalLine(outcome.output)?.err)).toContain('revoked-sessions.json is damaged');
});

test('with a secret and a writable data folder it starts, and demo mode needs no secret', async () => {
  const configured = await start({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: dataDir() });
  expect(configured.listening).toBe(true);
  const demo = await start({ PAGEWRIGHT_DEMO: '1', PAGEWRIGHT_DEMO_DATA_DIR: dataDir() });
  expect(demo.listening).toBe(true);
});
