import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SaxesParser } from 'saxes';

import {
  formatStorage,
  parseStorage,
  renderDocument,
  validateParsed,
  XHTML_ENTITIES,
} from '../lib/storage-format';
import { createNodeSanitizer } from '../lib/storage-format/render/node-sanitizer';
import { readCorpus } from '../lib/storage-format/testing/corpus';
import { measureProxyOverhead } from './proxy-overhead';
import { syntheticPage } from './synthetic-pages';

/**
 * `npm run bench`: engine throughput per stage on the corpus and on synthetic 20 KB, 100 KB and
 * 1 MB pages, next to a raw tokenizer pass (saxes, namespace-aware with positions, as Confluence's
 * wrapper needs) on the same input. Times are medians of repeated runs in this one process, so
 * the ratios compare like with like on a noisy machine.
 */
const WRAP_OPEN =
  '<xml xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/" xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">';

function rawTokenizerPass(body: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  Object.assign(parser.ENTITIES, Object.fromEntries(XHTML_ENTITIES));
  let events = 0;
  parser.on('opentag', () => events++);
  parser.on('text', () => events++);
  parser.on('closetag', () => events++);
  parser.write(WRAP_OPEN).write(body).write('</xml>').close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time in ms of `run`, repeated until ~`budgetMs` is spent (at least 5 times). */
function time(run: () => void, budgetMs: number): number {
  for (let i = 0; i < 2; i++) run();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 5 || (performance.now() - start < budgetMs && samples.length < 200)) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

interface Row {
  input: string;
  kB: number;
  stage: string;
  ms: number;
  mbPerS: number;
  vsTokenizer: number;
}

async function main(): Promise<void> {
  const sanitize = createNodeSanitizer();
  const inputs: Array<{ name: string; body: string }> = [
    {
      name: 'corpus (80 bodies, joined)',
      body: readCorpus('valid')
        .map((b) => b.body)
        .join('\n'),
    },
    { name: 'synthetic 20 KB', body: syntheticPage(20_000) },
    { name: 'synthetic 100 KB', body: syntheticPage(100_000) },
    { name: 'synthetic 1 MB', body: syntheticPage(1_000_000) },
  ];

  const rows: Row[] = [];
  for (const { name, body } of inputs) {
    const budget = body.length > 500_000 ? 3_000 : 1_500;
    const parsed = parseStorage(body);
    if (parsed.diagnostics.length > 0) throw new Error(`${name} is not valid storage`);
    const stages: Array<[string, () => void]> = [
      ['raw tokenizer (saxes)', () => rawTokenizerPass(body)],
      ['parse', () => parseStorage(body)],
      ['validate (parse + checks)', () => validateParsed(parseStorage(body))],
      ['format', () => formatStorage(body)],
      ['render (writer only)', () => renderDocument(parsed, { sanitizer: 'none' })],
      [
        'validate + render (pipeline)',
        () => {
          const result = parseStorage(body);
          validateParsed(result);
          renderDocument(result, { sanitizer: 'none' });
        },
      ],
    ];
    if (body.length <= 200_000) {
      stages.push([
        'render + DOMPurify (jsdom)',
        () => renderDocument(parsed, { sanitizer: sanitize }),
      ]);
    }
    let baseline = 0;
    for (const [stage, run] of stages) {
      const ms = time(run, budget);
      if (stage.startsWith('raw')) baseline = ms;
      rows.push({
        input: name,
        kB: Math.round(body.length / 1000),
        stage,
        ms: Number(ms.toFixed(3)),
        mbPerS: Number((body.length / 1e6 / (ms / 1000)).toFixed(1)),
        vsTokenizer: Number((ms / baseline).toFixed(2)),
      });
    }
  }

  console.table(rows);
  const proxy = await measureProxyOverhead();
  console.table(proxy);
  const goals = {
    '20 KB validate + render ≤ 2 ms':
      rows.find((r) => r.input === 'synthetic 20 KB' && r.stage.startsWith('validate + render'))!
        .ms <= 2,
    '1 MB validate + render ≤ 50 ms':
      rows.find((r) => r.input === 'synthetic 1 MB' && r.stage.startsWith('validate + render'))!
        .ms <= 50,
    'pipeline within 3× of the tokenizer (every input)': rows
      .filter((r) => r.stage.startsWith('validate + render'))
      .every((r) => r.vsTokenizer <= 3),
  };
  console.table(goals);
  const outDir = join(__dirname);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), node: process.version, engine: rows, goals },
      null,
      2,
    ),
  );
  console.log(`wrote ${join(outDir, 'results.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
