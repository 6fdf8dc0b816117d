import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { dataDirFromEnv } from '@/lib/store/data-dir';

/**
 * The iron-session password (docs/security.md SESS-1). `SESSION_SECRET` (≥ 32 characters), or
 * `SESSION_SECRETS` as JSON `{"2":"new…","1":"old…"}` to rotate: the highest id seals, every id
 * unseals. In demo mode a random secret is made once and kept in the data folder (the demo's is
 * next to the emulator's data).
 */
export type SessionPassword = string | Record<string, string>;

const MIN_LENGTH = 32;

export class SessionSecretError extends Error {
  override readonly name = 'SessionSecretError';
}

function checkLength(secret: string, label: string): void {
  if (secret.length < MIN_LENGTH) {
    throw new SessionSecretError(
      `${label} must be at least ${MIN_LENGTH} characters (generate one with: openssl rand -base64 32).`,
    );
  }
}

export function resolveSessionPassword(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SessionPassword {
  if (env.SESSION_SECRETS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.SESSION_SECRETS);
    } catch {
      throw new SessionSecretError(
        'SESSION_SECRETS must be JSON such as {"2":"new secret","1":"old secret"}.',
      );
    }
    if (!parsed || typeof parsed !== 'object' || Object.keys(parsed).length === 0) {
      throw new SessionSecretError('SESSION_SECRETS must map numeric ids to secrets.');
    }
    const map: Record<string, string> = {};
    for (const [id, secret] of Object.entries(parsed as Record<string, unknown>)) {
      if (!/^\d+$/.test(id) || typeof secret !== 'string') {
        throw new SessionSecretError('SESSION_SECRETS must map numeric ids to secret strings.');
      }
      checkLength(secret, `SESSION_SECRETS["${id}"]`);
      map[id] = secret;
    }
    return map;
  }
  if (env.SESSION_SECRET) {
    checkLength(env.SESSION_SECRET, 'SESSION_SECRET');
    return env.SESSION_SECRET;
  }
  if (env.PAGEWRIGHT_DEMO === '1') {
    return demoSecret(join(dataDirFromEnv(env), 'session-secret'));
  }
  throw new SessionSecretError(
    'SESSION_SECRET is not set: give the server a random secret of at least 32 characters (generate one with: openssl rand -base64 32).',
  );
}

function demoSecret(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_LENGTH) return stored;
  }
  const secret = randomBytes(32).toString('base64');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
