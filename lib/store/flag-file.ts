import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import { StoreUnavailableError } from './shared-store';

/**
 * Flags that outlive the process, for one instance without Redis: each key with the moment it
 * expires, kept in memory and written to one JSON file after every change. A write goes to a
 * temporary file that is synced, then renamed over the old one (and the folder synced), so a
 * crash leaves the old list or the new one, never half of either.
 *
 * A file that cannot be read as such a list is not guessed at or replaced: every lookup fails
 * with {@link StoreUnavailableError} (callers refuse rather than forget a sign-out), and the
 * boot check (lib/server/boot-checks.ts) names the file and what to do.
 *
 * At most `maxEntries` flags are kept (expired ones are dropped first); past that, the ones
 * closest to expiry give way, so the file stays small whatever happens.
 */
export interface FlagFile {
  readonly path: string;
  has(key: string): Promise<boolean>;
  /** Marks `key` until the epoch-millisecond `until`; resolves once the file holds it. */
  set(key: string, until: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Resolves when the file was read (or does not exist yet); rejects as lookups would. */
  ready(): Promise<void>;
  /** Waits for writes in flight. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_FLAGS = 100_000;
const FORMAT_VERSION = 1;

interface Stored {
  version: typeof FORMAT_VERSION;
  flags: Record<string, number>;
}

export class FlagFileCorruptError extends StoreUnavailableError {}

/** Reads the file as it is on disk: an empty list when there is none, else it must be whole. */
export async function readFlagFile(path: string): Promise<Map<string, number>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new StoreUnavailableError(`${path} could not be read: ${describe(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw corrupt(path, 'it is not complete JSON');
  }
  const stored = parsed as Partial<Stored> | null;
  if (
    !stored ||
    typeof stored !== 'object' ||
    stored.version !== FORMAT_VERSION ||
    !stored.flags ||
    typeof stored.flags !== 'object' ||
    Array.isArray(stored.flags)
  ) {
    throw corrupt(path, `it is not a version ${FORMAT_VERSION} list of signed-out sessions`);
  }
  const flags = new Map<string, number>();
  for (const [key, until] of Object.entries(stored.flags)) {
    if (typeof until !== 'number' || !Number.isFinite(until)) {
      throw corrupt(path, `the entry ${JSON.stringify(key.slice(0, 40))} has no expiry`);
    }
    flags.set(key, until);
  }
  return flags;
}

function corrupt(path: string, why: string): FlagFileCorruptError {
  return new FlagFileCorruptError(
    `${path} is damaged (${why}). Pagewright refuses sessions rather than forget sign-outs: ` +
      'restore the file from a backup, or delete it (cookies signed out before then work again ' +
      'until they expire, 8 hours at most).',
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function openFlagFile(
  path: string,
  options: { maxEntries?: number; now?: () => number } = {},
): FlagFile {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_FLAGS;
  const now = options.now ?? Date.now;
  let loading: Promise<Map<string, number>> | undefined;
  let writes: Promise<void> = Promise.resolve();

  const flags = () => (loading ??= readFlagFile(path));

  function sweep(map: Map<string, number>, at: number): void {
    for (const [key, until] of map) if (until <= at) map.delete(key);
    if (map.size <= maxEntries) return;
    const soonestFirst = [...map].sort((a, b) => a[1] - b[1]);
    for (const [key] of soonestFirst.slice(0, map.size - maxEntries)) map.delete(key);
  }

  /** Writes happen one after the other; each writes the list as it is when its turn comes. */
  function persist(map: Map<string, number>): Promise<void> {
    const turn = writes.then(() => writeAtomically(path, serialise(map)));
    writes = turn.catch(() => {});
    return turn;
  }

  return {
    path,
    async has(key) {
      const until = (await flags()).get(key);
      return until !== undefined && until > now();
    },
    async set(key, until) {
      const map = await flags();
      map.set(key, until);
      sweep(map, now());
      await persist(map);
    },
    async delete(key) {
      const map = await flags();
      if (map.delete(key)) await persist(map);
    },
    async ready() {
      await flags();
    },
    async close() {
      await writes;
    },
  };
}

function serialise(map: Map<string, number>): string {
  const stored: Stored = { version: FORMAT_VERSION, flags: Object.fromEntries(map) };
  return `${JSON.stringify(stored)}\n`;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(folder, { recursive: true });
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    await syncFolder(folder);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw new StoreUnavailableError(`${path} could not be written: ${describe(error)}`);
  }
}

/** Makes the rename itself durable; not every platform lets a folder be opened for this. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
