import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { startEmulator } from '../../lib/emulator';
import { CSRF_HEADERS } from '../../lib/http/csrf-header';

import { assembleStandalone, startInstance, TEST_SESSION_SECRET } from './processes';

/**
 * SIGTERM while a save is on its way to a slow Confluence: the save finishes and is answered,
 * a request arriving meanwhile gets 503 `server_unavailable` (so a balancer moves on), and the
 * process then exits by itself with status 0.
 */
const PAGE_ID = '9470040';
/** Sent this long after the save; well inside LATENCY_MS. */
const SIGNAL_AFTER_MS = 700;
const LATENCY_MS = 4_000;

test('SIGTERM lets the save in flight finish and turns new requests away with 503', async () => {
  const emulator = await startEmulator({ port: 0, dataFile: null });
  const workDir = mkdtempSync(join(tmpdir(), 'pagewright-shutdown-'));
  const { dir } = assembleStandalone();
  const instance = await startInstance(
    'shutdown',
    dir,
    ['node', 'pagewright-server.js'],
    {
      SESSION_SECRET: TEST_SESSION_SECRET,
      CONFLUENCE_BASE_URL: emulator.url,
      PAGEWRIGHT_SHUTDOWN_GRACE_MS: '20000',
    },
    workDir,
  );
  try {
    const origin = instance.url;
    const signIn = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ method: 'dc-password', username: 'demo', password: 'demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const loaded = await (
      await fetch(`${origin}/api/pages/${PAGE_ID}`, { headers: { cookie } })
    ).json();
    const page = loaded.page as {
      version: { number: number };
      title: string;
      body: string;
      parentId: string | null;
    };

    const faults = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: LATENCY_MS }),
    });
    expect(faults.ok).toBe(true);

    const saving = fetch(`${origin}/api/pages/${PAGE_ID}`, {
      method: 'PUT',
      headers: { origin, cookie, 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({
        baseVersion: page.version.number,
        title: page.title,
        body: `${page.body}<p>Saved during shutdown</p>`,
        parentId: page.parentId,
      }),
    });
    // The signal comes while the save sits in the emulator's latency: the app has taken the
    // request (loopback, well under a second) and the answer is seconds away. (The emulator's
    // request log lists a request only once answered, so it cannot tell "in flight".)
    await new Promise((resolve) => setTimeout(resolve, SIGNAL_AFTER_MS));
    instance.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const refused = await fetch(`${origin}/api/health`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    const refusal = await refused.json();
    expect(refusal.error.code).toBe('server_unavailable');
    expect(refusal.error.requestId).toBe(refused.headers.get('x-request-id'));

    const saved = await saving;
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(page.version.number + 1);

    const exitCode = await new Promise<number | null>((resolve) =>
      instance.process.exitCode !== null
        ? resolve(instance.process.exitCode)
        : instance.process.once('exit', (code) => resolve(code)),
    );
    expect(exitCode).toBe(0);
  } finally {
    await instance.stop();
    await emulator.close();
  }
});
