import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkStorageXhtml } from '../xhtml/check-xhtml';

/** One `*.xml` file of an import folder: a page to load, or why it is refused. */
export type ImportFile =
  { file: string; title: string; body: string } | { file: string; problem: string };

/** The folder itself cannot be listed; the message is meant for the person at the terminal. */
export class ImportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFolderError';
  }
}

/** Confluence Cloud refuses request bodies over 5 MB (docs/confluence-api.md §11). */
export const MAX_BODY_BYTES = 5_242_880;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every `*.xml` file directly in `dir` (sorted by name; other files and sub-folders are
 * left out and listed in `skipped`). Each file is a storage body; its name without `.xml` is the
 * page title. A file is refused, with the reason, when it cannot be read, is not UTF-8, is larger
 * than Confluence accepts, has no usable title, or is storage Confluence would refuse to save.
 */
export function readImportFolder(dir: string): { files: ImportFile[]; skipped: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new ImportFolderError(`The import folder ${dir} cannot be read: ${reason(error)}.`);
  }
  const files: ImportFile[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    if (/\.xml$/i.test(name)) files.push(readImportFile(join(dir, name), name));
    else skipped.push(name);
  }
  return { files, skipped };
}

function readImportFile(path: string, file: string): ImportFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { file, problem: `cannot be read: ${reason(error)}` };
  }
  const title = file.slice(0, -'.xml'.length).normalize('NFC').trim();
  if (!title) return { file, problem: 'has no title: its name is only the .xml extension' };
  if (bytes.length > MAX_BODY_BYTES) {
    return {
      file,
      problem: `is ${bytes.length.toLocaleString('en')} bytes; Confluence accepts at most ${MAX_BODY_BYTES.toLocaleString('en')}`,
    };
  }
  let body: string;
  try {
    // A leading byte-order mark is not part of the body: the decoder drops it.
    body = utf8.decode(bytes);
  } catch {
    return { file, problem: 'is not UTF-8 text (save the storage body as UTF-8)' };
  }
  const verdict = checkStorageXhtml(body);
  if (!verdict.ok) {
    return {
      file,
      problem: `Confluence would refuse this storage: line ${verdict.line}, column ${verdict.column}: ${verdict.message}`,
    };
  }
  return { file, title, body };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'it is not a folder';
  return error instanceof Error ? error.message : String(error);
}
