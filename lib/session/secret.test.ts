import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sealData, unsealData } from 'iron-session';
import { describe, expect, it } from 'vitest';

import { resolveSessionPassword, SessionSecretError } from './secret';

const A = 'a'.repeat(32);
const B = 'b'.repeat(40);

describe('resolveSessionPassword (SESS-1)', () => {
  it('refuses a secret shorter than 32 characters', () => {
    expect(() => resolveSessionPassword({ SESSION_SECRET: 'x'.repeat(31) })).toThrow(
      SessionSecretError,
    );
    expect(() => resolveSessionPassword({})).toThrow(/SESSION_SECRET is not set/);
    expect(() => resolveSessionPassword({ SESSION_SECRETS: '{"1":"short"}' })).toThrow(
      /at least 32/,
    );
    expect(() => resolveSessionPassword({ SESSION_SECRETS: 'nope' })).toThrow(/JSON/);
  });

  it('rotates: a cookie sealed under id 1 still opens after id 2 is added, new seals use id 2', async () => {
    const before = resolveSessionPassword({ SESSION_SECRETS: JSON.stringify({ 1: A }) });
    const after = resolveSessionPassword({ SESSION_SECRETS: JSON.stringify({ 2: B, 1: A }) });
    const old = await sealData({ sid: 'x' }, { password: before });
    expect(await unsealData(old, { password: after })).toEqual({ sid: 'x' });
    const fresh = await sealData({ sid: 'y' }, { password: after });
    // Iron seals start `Fe26.2*<password id>*…`.
    expect(fresh.split('*')[1]).toBe('2');
    expect(old.split('*')[1]).toBe('1');
  });

  it('makes and keeps one private secret in demo mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-demo-'));
    const env = { PAGEWRIGHT_DEMO: '1', PAGEWRIGHT_DEMO_DATA_DIR: dir };
    const first = resolveSessionPassword(env);
    expect(resolveSessionPassword(env)).toBe(first);
    expect(typeof first === 'string' && first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });
});
