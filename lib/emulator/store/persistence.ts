import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

import type { EmulatorData } from './types';

/** A data file that cannot be used; the message is meant for the person running the emulator. */
export class EmulatorDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorDataError';
  }
}

/** Reads the data file; `null` when there is none yet. Throws EmulatorDataError when it is unusable. */
export function loadDataFile(file: string): EmulatorData | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmulatorDataError(corruptMessage(file, `it is not valid JSON: ${reason}`));
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new EmulatorDataError(corruptMessage(file, problem));
  return parsed as EmulatorData;
}

function corruptMessage(file: string, reason: string): string {
  return `The emulator data file ${file} cannot be used: ${reason}. Start with --reset (or delete the file) to begin again from the demo data.`;
}

function shapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it does not hold a JSON object';
  const data = value as Partial<Record<keyof EmulatorData, unknown>>;
  if (data.schema !== 'pagewright-emulator/1')
    return 'it was not written by this emulator (unknown "schema")';
  for (const key of ['users', 'spaces', 'pages'] as const) {
    if (!Array.isArray(data[key])) return `"${key}" is missing or not a list`;
  }
  if (typeof data.nextId !== 'number') return '"nextId" is missing';
  const pages = data.pages as Array<Record<string, unknown>>;
  const broken = pages.find(
    (page) =>
      typeof page?.id !== 'string' ||
      typeof page.current !== 'object' ||
      !Array.isArray(page.history),
  );
  return broken ? `page ${JSON.stringify(broken?.id ?? '?')} is incomplete` : null;
}

/**
 * Writes the data file atomically (temp file, fsync, rename), one write at a time. Saves that
 * arrive while a write runs are coalesced into one more write of the latest data, so a burst of
 * PUTs costs two writes, and a kill at any moment leaves either the old or the new file.
 */
export class DataFileWriter {
  private running: Promise<void> | null = null;
  private pending = false;

  constructor(
    private readonly file: string,
    private readonly read: () => EmulatorData,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules a write of the current data. */
  schedule(): void {
    this.pending = true;
    if (!this.running) this.running = this.drain();
  }

  /** Resolves once every scheduled write has reached the disk. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Writes right now, synchronously (used at start-up). */
  writeNow(): void {
    writeAtomically(this.file, JSON.stringify(this.read()));
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        // Yield first so a burst of changes in the same tick becomes one write.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          writeAtomically(this.file, JSON.stringify(this.read()));
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
