import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { liveSessionState, revokeSession } from '@/lib/session/revoked-sessions';
import { signedInSession } from '@/lib/session/testing/signed-in-session';

import { REVOKED_SESSIONS_FILE } from './data-dir';
import { openFlagFile } from './flag-file';
import { storeFromEnv } from './index';
import { createMemoryStore } from './memory-store';
import { StoreUnavailableError } from './shared-store';

/**
 * Sign-outs without Redis survive a restart: the list is a file in the data folder, written
 * whole or not at all, bounded, and never silently replaced when it cannot be read.
 */
const folder = () => mkdtempSync(join(tmpdir(), 'pw-flags-'));

describe('signed-out sessions without Redis', () => {
  it('are still signed out after a restart (a new store over the same data folder)', async () => {
    const env = { PAGEWRIGHT_DATA_DIR: folder() };
    const before = storeFromEnv(env);
    expect(before.kind).toBe('file');
    await revokeSession('signed-out-before-restart', before);
    expect(
      await liveSessionState(signedInSession('signed-out-before-restart'), Date.now(), before),
    ).toBe('expired');
    await before.close();

    const after = storeFromEnv(env);
    expect(
      await liveSessionState(signedInSession('signed-out-before-restart'), Date.now(), after),
    ).toBe('expired');
    expect(await liveSessionState(signedInSession('never-signed-out'), Date.now(), after)).toBe(
      'valid',
    );
    await after.close();
  });

  it('keep the demo folder as the data folder when only PAGEWRIGHT_DEMO_DATA_DIR is set', async () => {
    const demo = folder();
    const store = storeFromEnv({ PAGEWRIGHT_DEMO_DATA_DIR: demo });
    await revokeSession('demo-sid', store);
    await store.close();
    expect(readdirSync(demo)).toContain(REVOKED_SESSIONS_FILE);
  });
});

describe('the flag file', () => {
  it('forgets an entry once it expires, on disk too', async () => {
    let clock = 1_000;
    const path = join(folder(), 'flags.json');
    const flags = openFlagFile(path, { now: () => clock });
    await flags.set('short', 2_000);
    await flags.set('long', 10_000);
    clock = 2_500;
    expect(await flags.has('short')).toBe(false);
    expect(await flags.has('long')).toBe(true);
    await flags.set('later', 20_000);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).flags).sort()).toEqual([
      'later',
      'long',
    ]);
  });

  it('holds at most maxEntries, giving up those closest to expiry first', async () => {
    const path = join(folder(), 'flags.json');
    const flags = openFlagFile(path, { maxEntries: 3, now: () => 0 });
    for (const [key, until] of [
      ['a', 500],
      ['b', 100],
      ['c', 900],
      ['d', 300],
      ['e', 700],
    ] as const)
      await flags.set(key, until);
    const reopened = openFlagFile(path, { maxEntries: 3, now: () => 0 });
    const kept = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => reopened.has(key)));
    expect(kept).toEqual([true, false, true, false, true]);
  });

  it('writes through a synced temporary file renamed into place: no partial file, no leftovers', async () => {
    const dir = folder();
    const path = join(dir, 'flags.json');
    const flags = openFlagFile(path);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => flags.set(`sid-${i}`, Date.now() + 60_000)),
    );
    await flags.close();
    expect(readdirSync(dir)).toEqual(['flags.json']);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    expect(Object.keys(stored.flags)).toHaveLength(50);
  });

  it.each([
    ['truncated', '{"version":1,"flags":{"a":17'],
    ['not the format', '["a","b"]'],
    ['an entry without expiry', '{"version":1,"flags":{"a":"soon"}}'],
  ])(
    'fails closed on a %s file: every lookup is refused, nothing is overwritten',
    async (_name, text) => {
      const dir = folder();
      const path = join(dir, REVOKED_SESSIONS_FILE);
      writeFileSync(path, text);
      const store = storeFromEnv({ PAGEWRIGHT_DATA_DIR: dir });
      const looked = await liveSessionState(signedInSession('any'), Date.now(), store).catch(
        (error: unknown) => error,
      );
      expect(looked).toMatchObject({ code: 'server_unavailable' });
      await expect(revokeSession('other', store)).rejects.toMatchObject({
        code: 'server_unavailable',
      });
      await expect(store.ping()).rejects.toThrow(/is damaged .*restore the file from a backup/);
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );

  it('says so when a sign-out cannot be written, and still honours it in this process', async () => {
    const dir = folder();
    const flags = openFlagFile(join(dir, 'sub', 'flags.json'));
    await flags.ready();
    // The folder the file belongs in is now a file: no write can succeed (even as root).
    writeFileSync(join(dir, 'sub'), 'not a folder');
    const store = createMemoryStore({ flagFile: flags });
    const outcome = await store.setFlag('sid', 60_000).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    expect((outcome as Error).message).toMatch(/flags\.json could not be written/);
    expect(await store.hasFlag('sid')).toBe(true);
    await expect(revokeSession('sid-2', store)).rejects.toMatchObject({
      code: 'server_unavailable',
    });
  });
});
