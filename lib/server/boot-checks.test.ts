import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { REVOKED_SESSIONS_FILE } from '@/lib/store/data-dir';

import { checkBootConfig } from './boot-checks';

const SECRET = 's'.repeat(40);
const folder = () => mkdtempSync(join(tmpdir(), 'pw-boot-'));

describe('checkBootConfig', () => {
  it('refuses to start without a session secret, saying which variable', async () => {
    await expect(checkBootConfig({ PAGEWRIGHT_DATA_DIR: folder() })).rejects.toThrow(
      /^Pagewright cannot start: SESSION_SECRET is not set/,
    );
    await expect(
      checkBootConfig({ SESSION_SECRET: 'short', PAGEWRIGHT_DATA_DIR: folder() }),
    ).rejects.toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it('starts in demo mode without one: the demo makes its own', async () => {
    const dir = folder();
    await expect(
      checkBootConfig({ PAGEWRIGHT_DEMO: '1', PAGEWRIGHT_DEMO_DATA_DIR: dir }),
    ).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'session-secret'))).toBe(true);
  });

  it('refuses a data folder it cannot write, naming it and the ways out', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), '');
    const unwritable = join(dir, 'file', 'data');
    await expect(
      checkBootConfig({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: unwritable }),
    ).rejects.toThrow(
      `Pagewright cannot start: the data folder ${unwritable} is not writable (ENOTDIR)`,
    );
    // With Redis the folder holds nothing, so it is not needed.
    await expect(
      checkBootConfig({
        SESSION_SECRET: SECRET,
        PAGEWRIGHT_DATA_DIR: unwritable,
        REDIS_URL: 'redis://127.0.0.1:1',
      }),
    ).resolves.toBeUndefined();
  });

  it('refuses a damaged list of signed-out sessions instead of starting without it', async () => {
    const dir = folder();
    writeFileSync(join(dir, REVOKED_SESSIONS_FILE), '{"version":1,"flags":{"abc":1');
    await expect(
      checkBootConfig({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: dir }),
    ).rejects.toThrow(/revoked-sessions\.json is damaged \(it is not complete JSON\)/);
  });

  it('starts with a secret and a writable folder, leaving nothing behind but the folder', async () => {
    const dir = join(folder(), 'new');
    await checkBootConfig({ SESSION_SECRET: SECRET, PAGEWRIGHT_DATA_DIR: dir });
    expect(readdirSync(dir)).toEqual([]);
  });
});
