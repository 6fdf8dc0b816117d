import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';

import { SaxesParser } from 'saxes';

import * as current from '../lib/storage-format';
import { readCorpus } from '../lib/storage-format/testing/corpus';
import { syntheticPage } from './synthetic-pages';

/**
 * The engine part of `npm run bench` alone (same stages, same inputs, same saxes baseline), for
 * performance work: no server, no build, no browser.
 *
 *   npx tsx bench/engine-only.ts [--old path/to/storage-format/index.ts] [--rounds N] [--only NAME]
 *
 * `--only` keeps one input (`corpus`, `20 KB`, `100 KB` or `1 MB`).
 *
 * With `--old`, a second copy of the engine (e.g. a snapshot taken before a change) is timed in
 * the same process, its runs interleaved with the current engine's round by round, so both see
 * the same machine load; the table then shows old and new side by side.
 */
type Engine = Pick<typeof current, 'parseStorage' | 'validateParsed' | 'renderDocument'> & {
  XHTML_ENTITIES: typeof current.XHTML_ENTITIES;
};

const WRAP_OPEN =
  '<xml xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/" xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">';

function saxesPass(body: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  Object.assign(parser.ENTITIES, Object.fromEntries(current.XHTML_ENTITIES));
  let events = 0;
  parser.on('opentag', () => events++);
  parser.on('text', () => events++);
  parser.on('closetag', () => events++);
  parser.write(WRAP_OPEN).write(body).write('</xml>').close();
}

function stagesOf(engine: Engine, body: string): Array<[string, () => void]> {
  const parsed = engine.parseStorage(body);
  return [
    ['parse', () => engine.parseStorage(body)],
    ['validate', () => engine.validateParsed(engine.parseStorage(body))],
    ['checks only', () => engine.validateParsed(parsed)],
    ['render (writer)', () => engine.renderDocument(parsed, { sanitizer: 'none' })],
    [
      'pipeline',
      () => {
        const result = engine.parseStorage(body);
        engine.validateParsed(result);
        engine.renderDocument(result, { sanitizer: 'none' });
      },
    ],
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function once(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const oldPath = argument('--old');
  const old =
    oldPath === undefined ? undefined : ((await import(pathToFileURL(oldPath).href)) as Engine);
  const inputs = [
    {
      name: 'corpus',
      body: readCorpus('valid')
        .map((b) => b.body)
        .join('\n'),
    },
    { name: '20 KB', body: syntheticPage(20_000) },
    { name: '100 KB', body: syntheticPage(100_000) },
    { name: '1 MB', body: syntheticPage(1_000_000) },
  ];
  console.log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const rows: Record<string, string | number>[] = [];
  const only = argument('--only');
  for (const { name, body } of inputs) {
    if (only !== undefined && only !== name) continue;
    const rounds = Number(argument('--rounds') ?? (body.length > 500_000 ? 30 : 150));
    const engines: Array<[string, Engine]> = [['new', current]];
    if (old !== undefined) engines.unshift(['old', old]);
    const runs: Array<[string, () => void]> = [['saxes', () => saxesPass(body)]];
    for (const [label, engine] of engines) {
      for (const [stage, run] of stagesOf(engine, body)) runs.push([`${stage} ${label}`, run]);
    }
    const samples = new Map<string, number[]>(runs.map(([key]) => [key, []]));
    for (const [, run] of runs) for (let i = 0; i < 2; i++) run();
    // Round-robin, so slow phases of a shared machine hit every stage alike.
    for (let round = 0; round < rounds; round++) {
      for (const [key, run] of runs) samples.get(key)!.push(once(run));
    }
    const saxes = median(samples.get('saxes')!);
    for (const [key] of runs) {
      const ms = median(samples.get(key)!);
      rows.push({
        input: name,
        stage: key,
        ms: Number(ms.toFixed(2)),
        vsSaxes: Number((ms / saxes).toFixed(2)),
      });
    }
  }
  console.table(rows);
  console.log(
    `load average at end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
