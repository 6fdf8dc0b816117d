import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { resolveSessionPassword } from '@/lib/session/secret';
import { dataDirFromEnv, REVOKED_SESSIONS_FILE } from '@/lib/store/data-dir';
import { readFlagFile } from '@/lib/store/flag-file';

/**
 * What the server needs before it may serve anything, checked once at start (instrumentation.ts
 * runs it when the server boots): without it every API call would answer 500, or sign-outs
 * would be forgotten. Each failure names the setting and what to do.
 */
export class BootConfigError extends Error {
  override readonly name = 'BootConfigError';
}

export async function checkBootConfig(
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  try {
    resolveSessionPassword(env);
  } catch (error) {
    throw new BootConfigError(`Pagewright cannot start: ${messageOf(error)}`);
  }
  // With Redis the signed-out list lives there; without, in a file of the data folder.
  if (!env.REDIS_URL?.trim()) await checkDataDir(dataDirFromEnv(env));
}

async function checkDataDir(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe);
  } catch (error) {
    throw new BootConfigError(
      `Pagewright cannot start: the data folder ${dir} is not writable ` +
        `(${(error as NodeJS.ErrnoException).code ?? messageOf(error)}). Without REDIS_URL the ` +
        'list of signed-out sessions is kept there: give the server a folder it may write ' +
        '(PAGEWRIGHT_DATA_DIR; a volume on /app/data in the Docker image), or set REDIS_URL.',
    );
  }
  try {
    await readFlagFile(join(dir, REVOKED_SESSIONS_FILE));
  } catch (error) {
    throw new BootConfigError(`Pagewright cannot start: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
