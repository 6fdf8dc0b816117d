import { resolve } from 'node:path';

/**
 * Where this server keeps what must survive a restart when there is no Redis: the list of
 * signed-out sessions (and, in demo mode, the generated session secret). `PAGEWRIGHT_DATA_DIR`;
 * `PAGEWRIGHT_DEMO_DATA_DIR`, the name the demo and the test harnesses set, is honoured too;
 * else `data` in the server's working folder (`/app/data` in the Docker image, a VOLUME).
 */
export const DEFAULT_DATA_DIR = 'data';

export function dataDirFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env.PAGEWRIGHT_DATA_DIR?.trim() || env.PAGEWRIGHT_DEMO_DATA_DIR?.trim();
  // A folder chosen at run time: not something the build should trace into its output.
  return resolve(/* turbopackIgnore: true */ configured || DEFAULT_DATA_DIR);
}

export const REVOKED_SESSIONS_FILE = 'revoked-sessions.json';
