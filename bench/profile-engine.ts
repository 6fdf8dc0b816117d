import { parseStorage, renderDocument, validateParsed } from '@/lib/storage-format';
import { readCorpus } from '@/lib/storage-format/testing/corpus';
import { corpusPage, oneLineCorpusPage } from './corpus-pages';
import { rawTokenizerPass } from './engine-baseline';
import { syntheticPage } from './synthetic-pages';

/**
 * A focused companion to `npm run bench` for performance work on the engine: runs ONE stage on
 * ONE input in a loop, so a CPU profile (`node --cpu-prof`) or an instruction count (`perf stat`)
 * covers that stage alone, and prints the median next to saxes measured in the same process.
 *
 *   npx tsx bench/profile-engine.ts [input] [stage] [iterations]
 *   input: corpus | 20k | 100k | 1m | corpus-1m | one-line-1m (default 1m); stage: parse | validate | checks (the semantic
 *   checks alone) | render | pipeline | saxes | all (default all)
 *
 * Under a profiler, `--no-saxes` leaves the saxes baseline out so the profile holds the stage alone.
 *
 * The pipeline stage is what issue #2's goals time: parse, semantic checks, render (the writer;
 * DOMPurify runs on the main thread in the browser, see bench/run.ts).
 */
function inputFor(name: string): string {
  switch (name) {
    case 'corpus':
      return readCorpus('valid')
        .map((b) => b.body)
        .join('\n');
    case '20k':
      return syntheticPage(20_000);
    case '100k':
      return syntheticPage(100_000);
    case '1m':
      return syntheticPage(1_000_000);
    // The real-content 1 MB pages of `npm run bench` (bench/corpus-pages.ts).
    case 'corpus-1m':
      return corpusPage(1_000_000);
    case 'one-line-1m':
      return oneLineCorpusPage(1_000_000);
    default:
      throw new Error(`unknown input ${name}: corpus | 20k | 100k | 1m | corpus-1m | one-line-1m`);
  }
}

function stagesFor(body: string): Record<string, () => void> {
  const parsed = parseStorage(body);
  return {
    saxes: () => rawTokenizerPass(body),
    parse: () => parseStorage(body),
    validate: () => validateParsed(parseStorage(body)),
    checks: () => validateParsed(parsed),
    render: () => renderDocument(parsed, { sanitizer: 'none' }),
    pipeline: () => {
      const result = parseStorage(body);
      validateParsed(result);
      renderDocument(result, { sanitizer: 'none' });
    },
  };
}

function medianMs(run: () => void, iterations: number): number {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function main(): void {
  const withSaxes = !process.argv.includes('--no-saxes');
  const [inputName = '1m', stage = 'all', iterationsArg] = process.argv
    .slice(2)
    .filter((arg) => arg !== '--no-saxes');
  const body = inputFor(inputName);
  const iterations = Number(iterationsArg ?? (body.length > 500_000 ? 20 : 200));
  const stages = stagesFor(body);
  const names = stage === 'all' ? Object.keys(stages) : [stage];
  const saxesMs = withSaxes ? medianMs(stages.saxes!, iterations) : Number.NaN;
  for (const name of names) {
    const run = stages[name];
    if (!run) throw new Error(`unknown stage ${name}: ${Object.keys(stages).join(' | ')} | all`);
    const ms = name === 'saxes' ? saxesMs : medianMs(run, iterations);
    console.log(
      `${inputName.padEnd(7)} ${name.padEnd(9)} ${ms.toFixed(3).padStart(9)} ms` +
        (withSaxes ? `  ${(ms / saxesMs).toFixed(2)}× saxes` : ''),
    );
  }
}

main();
