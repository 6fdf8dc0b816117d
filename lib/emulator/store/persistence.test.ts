import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

import { freePort, waitForHttp } from '@/lib/testing/free-port';

import { EmulatorDataError, startEmulator } from '../index';
import { DC_DEMO, call, v1Update } from '../testing/clients';
import { loadDataFile } from './persistence';

const repoRoot = resolve(__dirname, '../../..');
/** Runs TypeScript in the same process (the `tsx` CLI would add a parent we could kill by mistake). */
const TSX = ['--import', 'tsx'];

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'emulator-data-')), 'emulator.json');
}

describe('persistence', () => {
  it('keeps edits across a restart and starts clean with reset', async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    const saved = await call(`${first.url}/rest/api/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470040', 'Sandbox', 4, '<p>kept</p>'),
    });
    expect(saved.status).toBe(200);
    await first.close();
    expect(readdirSync(join(dataFile, '..'))).toEqual(['emulator.json']);

    const second = await startEmulator({ dataFile });
    expect(second.page('9470040')!.current).toMatchObject({ number: 4, body: '<p>kept</p>' });
    await second.close();

    const third = await startEmulator({ dataFile, reset: true });
    expect(third.page('9470040')!.current.number).toBe(3);
    await third.close();
    expect(
      loadDataFile(dataFile)!.pages.find((page) => page.id === '9470040')!.current.number,
    ).toBe(3);
  });

  it('rejects a corrupt data file with a clear message', async () => {
    const dataFile = tempFile();
    writeFileSync(dataFile, '{"schema": "pagewright-emulator/1", "users": [');
    const failure = startEmulator({ dataFile });
    await expect(failure).rejects.toBeInstanceOf(EmulatorDataError);
    await expect(failure).rejects.toThrow(/cannot be used: it is not valid JSON.*--reset/);
    writeFileSync(dataFile, '{"hello": 1}');
    await expect(startEmulator({ dataFile })).rejects.toThrow(/not written by this emulator/);
  });

  it('the CLI prints the message, not a stack trace, and exits 1', async () => {
    const dataFile = tempFile();
    writeFileSync(dataFile, 'not json');
    const child = spawn(process.execPath, [...TSX, join(repoRoot, 'lib/emulator/server.ts')], {
      cwd: repoRoot,
      env: { ...process.env, EMULATOR_PORT: String(await freePort()), EMULATOR_DATA: dataFile },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stderr).toContain(`The emulator data file ${dataFile} cannot be used`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves a readable data file when killed during a burst of writes', async () => {
    const dataFile = tempFile();
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [...TSX, join(repoRoot, 'lib/emulator/server.ts'), '--reset'],
      {
        cwd: repoRoot,
        env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_DATA: dataFile },
        stdio: 'ignore',
      },
    );
    const base = `http://127.0.0.1:${port}`;
    const exited = new Promise((done) => child.once('exit', done));
    onTestFinished(() => void child.kill('SIGKILL'));
    await waitForHttp(`${base}/__emulator/health`, 20_000);
    const big = `<p>${'x'.repeat(400_000)}</p>`;
    let saved = 0;
    const burst = (async () => {
      for (let n = 0; n < 40; n += 1) {
        const body = v1Update('9470040', 'Sandbox', 4 + n, big);
        const answer = await call(`${base}/rest/api/content/9470040`, {
          method: 'PUT',
          auth: DC_DEMO,
          body,
        }).catch(() => null);
        if (answer?.status !== 200) return;
        saved += 1;
      }
    })();
    while (saved < 3) await new Promise((done) => setTimeout(done, 5));
    // Killed while the burst is still writing: the file must hold a whole data set, old or new.
    child.kill('SIGKILL');
    await burst;
    await exited;
    expect(existsSync(dataFile)).toBe(true);
    const data = JSON.parse(readFileSync(dataFile, 'utf8'));
    const page = data.pages.find((candidate: { id: string }) => candidate.id === '9470040');
    expect(page.current.number).toBe(page.history.length + 1);
  });

  it('the CLI prints the base URLs and stops cleanly on SIGTERM', async () => {
    const dataFile = tempFile();
    const port = await freePort();
    const child = spawn(process.execPath, [...TSX, join(repoRoot, 'lib/emulator/server.ts')], {
      cwd: repoRoot,
      env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_DATA: dataFile },
    });
    onTestFinished(() => void child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    await waitForHttp(`http://127.0.0.1:${port}/__emulator/health`, 20_000);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain(`Data Center: http://127.0.0.1:${port}`);
    expect(stdout).toContain(`Cloud:       http://127.0.0.1:${port}/wiki`);
    expect(stdout).toContain('demo@example.com / demo-token');
    expect(loadDataFile(dataFile)!.pages.length).toBeGreaterThan(10);
  });
});
