import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bench pages made of real storage bodies: a sample of the shared corpus copied into
 * bench/corpus (provenance and licences in bench/corpus/SOURCES.tsv), so the bench runs from the
 * repository alone. They are macro-rich (code, panels, admonitions, status, anchors, footnotes,
 * tables of macros), the content the synthetic pages flatter.
 */
const CORPUS_SAMPLE_DIR = join(__dirname, 'corpus');

/** The sample's bodies, in file-name order (the pages built from them are deterministic). */
export function corpusSample(): string[] {
  return readdirSync(CORPUS_SAMPLE_DIR)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => readFileSync(join(CORPUS_SAMPLE_DIR, name), 'utf8'));
}

/** The sample's bodies in turn, each on its own lines, repeated to at least `bytes` code units. */
export function corpusPage(bytes: number): string {
  return repeatToSize(corpusSample(), bytes, '\n');
}

/**
 * The same content as one line, as Confluence itself returns bodies: no line break between
 * blocks (whitespace-only text between tags is dropped), the breaks inside text, code and
 * attributes turned into spaces. The structure, and so the validity, is the multi-line page's.
 */
export function oneLineCorpusPage(bytes: number): string {
  return repeatToSize(corpusSample().map(toOneLine), bytes, '');
}

export function toOneLine(body: string): string {
  return body.replace(/>\s*[\r\n]\s*</g, '><').replace(/\s*[\r\n]\s*/g, ' ');
}

function repeatToSize(bodies: readonly string[], bytes: number, separator: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const body = bodies[i % bodies.length]!;
    parts.push(body);
    length += body.length + separator.length;
  }
  return parts.join(separator);
}
