import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared corpus of real storage bodies (../shared/corpus/storage beside the repository):
 * read-only test fixtures with their provenance in SOURCES.tsv.
 */
export const CORPUS_DIR = resolve(__dirname, '../../../../shared/corpus/storage');

export interface CorpusBody {
  name: string;
  body: string;
}

export function readCorpus(kind: 'valid' | 'invalid' | 'edge-cases'): CorpusBody[] {
  const dir = join(CORPUS_DIR, kind);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, body: readFileSync(join(dir, name), 'utf8') }));
}
