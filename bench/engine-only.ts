import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';

import * as current from '@/lib/storage-format';
import { engineInputs, median, rawTokenizerPass, timeRoundRobin } from './engine-baseline';
import { incrementalKeystroke } from './incremental-keystroke';

/**
 * The engine part of `npm run bench` alone (same stages, same inputs, same saxes baseline), for
 * performance work: no server, no build, no browser.
 *
 *   npx tsx bench/engine-only.ts [--old path/to/storage-format/index.ts] [--rounds N] [--only NAME]
 *
 * `--only` keeps one input (`corpus`, `20 KB`, `100 KB`, `200 KB`, `1 MB`, `corpus 1 MB` or `one-line 1 MB`).
 *
 * With `--old`, a second copy of the engine (e.g. a snapshot taken before a change) is timed in
 * the same process, its runs interleaved with the current engine's round by round, so both see
 * the same machine load; the table then shows old and new side by side.
 */
type Engine = Pick<typeof current, 'parseStorage' | 'validateParsed' | 'renderDocument'>;

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

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const oldPath = argument('--old');
  const old =
    oldPath === undefined ? undefined : ((await import(pathToFileURL(oldPath).href)) as Engine);
  const inputs = engineInputs();
  console.log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const rows: Record<string, string | number>[] = [];
  const only = argument('--only');
  for (const { key: input, body } of inputs) {
    if (only !== undefined && only !== input) continue;
    const rounds = Number(argument('--rounds') ?? (body.length > 500_000 ? 30 : 150));
    const engines: Array<[string, Engine]> = [['new', current]];
    if (old !== undefined) engines.unshift(['old', old]);
    const runs: Array<[string, () => void]> = [['saxes', () => rawTokenizerPass(body)]];
    for (const [label, engine] of engines) {
      for (const [stage, run] of stagesOf(engine, body)) runs.push([`${stage} ${label}`, run]);
    }
    runs.push(['incremental keystroke new', incrementalKeystroke(body)]);
    const samples = timeRoundRobin(runs, { maxRounds: rounds });
    const saxes = median(samples.get('saxes')!);
    for (const [key] of runs) {
      const ms = median(samples.get(key)!);
      rows.push({
        input,
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
