import { SaxesParser } from 'saxes';

import { XHTML_ENTITIES } from '@/lib/storage-format';
import { readCorpus } from '@/lib/storage-format/testing/corpus';
import { corpusPage, oneLineCorpusPage } from './corpus-pages';
import { syntheticPage } from './synthetic-pages';

/**
 * What every engine bench (`npm run bench`, bench/engine-only.ts, bench/profile-engine.ts) times
 * against: the same inputs, and the raw tokenizer pass that is the baseline, so their
 * figures compare like with like.
 */

const WRAP_OPEN =
  '<xml xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/" xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">';

/**
 * A namespace-aware saxes pass with positions over `body` inside Confluence's wrapper (the
 * prefixes declared, the XHTML entities known): the raw tokenizer work the engine is compared to.
 */
export function rawTokenizerPass(body: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  Object.assign(parser.ENTITIES, Object.fromEntries(XHTML_ENTITIES));
  let events = 0;
  parser.on('opentag', () => events++);
  parser.on('text', () => events++);
  parser.on('closetag', () => events++);
  parser.write(WRAP_OPEN).write(body).write('</xml>').close();
}

export interface EngineInput {
  /**
   * Short name for command-line choices: `corpus`, `20 KB`, `100 KB`, `200 KB`, `1 MB`, `corpus 1 MB`,
   * `one-line 1 MB`.
   */
  key: string;
  /** Name in the tables. */
  name: string;
  body: string;
}

/**
 * The valid corpus joined into one body; synthetic 20 KB, 100 KB, 200 KB and 1 MB pages; and 1 MB of real,
 * macro-rich bodies (bench/corpus-pages.ts), multi-line and on one line.
 */
export function engineInputs(): EngineInput[] {
  return [
    {
      key: 'corpus',
      name: 'corpus (80 bodies, joined)',
      body: readCorpus('valid')
        .map((b) => b.body)
        .join('\n'),
    },
    { key: '20 KB', name: 'synthetic 20 KB', body: syntheticPage(20_000) },
    { key: '100 KB', name: 'synthetic 100 KB', body: syntheticPage(100_000) },
    { key: '200 KB', name: 'synthetic 200 KB', body: syntheticPage(200_000) },
    { key: '1 MB', name: 'synthetic 1 MB', body: syntheticPage(1_000_000) },
    { key: 'corpus 1 MB', name: 'corpus 1 MB (macro-rich)', body: corpusPage(1_000_000) },
    {
      key: 'one-line 1 MB',
      name: 'corpus 1 MB, one line',
      body: oneLineCorpusPage(1_000_000),
    },
  ];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface RoundRobinLimits {
  /** Stop after this many rounds … */
  maxRounds: number;
  /** … or once this much time has been spent and at least `minRounds` are done. */
  budgetMs?: number;
  minRounds?: number;
}

/**
 * Times every run once per round, in turn, for several rounds, after two warm-up calls each;
 * returns each run's samples (ms). Round-robin rather than one run after another because a shared
 * machine's slow spells last seconds: timed back to back, the baseline could land in a quiet
 * spell and a stage in a busy one, and their ratio would measure the neighbours. Interleaved,
 * every run meets the same spells, so the ratios compare like with like.
 */
export function timeRoundRobin(
  runs: ReadonlyArray<readonly [string, () => void]>,
  limits: RoundRobinLimits,
): Map<string, number[]> {
  const samples = new Map<string, number[]>(runs.map(([key]) => [key, []]));
  for (const [, run] of runs) for (let i = 0; i < 2; i++) run();
  const started = performance.now();
  const minRounds = limits.minRounds ?? 5;
  for (let round = 0; round < limits.maxRounds; round++) {
    const spent = performance.now() - started;
    if (limits.budgetMs !== undefined && round >= minRounds && spent > limits.budgetMs) break;
    for (const [key, run] of runs) {
      const t0 = performance.now();
      run();
      samples.get(key)!.push(performance.now() - t0);
    }
  }
  return samples;
}
