import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { formatStorage, parseStorage, renderDocument, validateParsed } from '@/lib/storage-format';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { BROWSER_PAGES, measureBrowser, type BrowserResults } from './browser';
import { measureFetchedFirstLoad, type FetchedFirstLoadRow } from './browser-first-load';
import { measureBundleSizes, type BundleSizes } from './bundle-sizes';
import { engineInputs, median, rawTokenizerPass, timeRoundRobin } from './engine-baseline';
import { incrementalKeystroke } from './incremental-keystroke';
import { benchDistDir, ensureProductionBuild, ROOT, startDemoApp } from './load-app';
import { measureMergeAfterConflict, type MergeRow } from './merge-after-conflict';
import { measureProxyOverhead, type ServerMeasurements } from './proxy-overhead';

/**
 * `npm run bench`: engine throughput per stage on the corpus, on synthetic 20 KB, 100 KB and 1 MB
 * pages and on 1 MB of real, macro-rich bodies (multi-line and one line), next to a raw tokenizer
 * pass (saxes, namespace-aware with positions, as Confluence's wrapper needs) on the same input;
 * the merge after a 409 on 200 KB and 1 MB pages of tables; proxy overhead and upstream calls per
 * save (in process);
 * first-load JS per route and the Monaco chunk (from a production build in PAGEWRIGHT_DIST_DIR,
 * default `.next-bench`, built when missing); and in Chromium, keystroke → preview and page open →
 * editor interactive (BENCH_BROWSER=0 skips the browser). Engine times are medians of repeated
 * runs in this one process, the stages of an input taken in turn round after round, so the ratios
 * compare like with like on a noisy machine.
 */

/** The instant preview's work per key: the incremental document's parse and render (writer). */
const INCREMENTAL_KEYSTROKE = 'incremental keystroke (parse + render)';

interface Row {
  input: string;
  kB: number;
  stage: string;
  ms: number;
  mbPerS: number;
  vsTokenizer: number;
  /** Samples behind the median: one per round. */
  rounds: number;
}

async function main(): Promise<void> {
  const sanitize = createNodeSanitizer();
  const inputs = engineInputs();

  const rows: Row[] = [];
  for (const { name, body } of inputs) {
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
      [INCREMENTAL_KEYSTROKE, incrementalKeystroke(body)],
    ];
    if (body.length <= 200_000) {
      stages.push([
        'render + DOMPurify (jsdom)',
        () => renderDocument(parsed, { sanitizer: sanitize }),
      ]);
    }
    // Every stage of this input in turn, round after round (see timeRoundRobin), for about 3 s
    // per stage on the 1 MB page and 1.5 s on the others.
    const samples = timeRoundRobin(stages, {
      maxRounds: 200,
      budgetMs: stages.length * (body.length > 500_000 ? 3_000 : 1_500),
    });
    const baseline = median(samples.get('raw tokenizer (saxes)')!);
    for (const [stage] of stages) {
      const ms = median(samples.get(stage)!);
      rows.push({
        input: name,
        kB: Math.round(body.length / 1000),
        stage,
        ms: Number(ms.toFixed(3)),
        mbPerS: Number((body.length / 1e6 / (ms / 1000)).toFixed(1)),
        vsTokenizer: Number((ms / baseline).toFixed(2)),
        rounds: samples.get(stage)!.length,
      });
    }
  }

  console.log(
    `\nEngine (Node ${process.version}, median ms per run, stages in turn round after round; vsTokenizer = time / saxes on the same input)`,
  );
  console.table(rows);

  const merges = measureMergeAfterConflict();
  console.log(
    "\nMerge after 409 (Node, median ms; edits near the top and the bottom of the demo's Large page shape)",
  );
  console.table(merges);

  const server = await measureProxyOverhead();
  console.log('\nServer (in process, same run)');
  console.table(server.proxy);
  console.table({
    'proxy overhead (app p50 / emulator p50)': server.proxyOverheadRatio,
    'upstream calls per successful save (mean)': server.upstreamCallsPerSave.mean,
    'upstream calls per successful save (max)': server.upstreamCallsPerSave.max,
  });

  const app = await measureApp();
  const summary = summarise(rows, merges, server, app);
  console.log('\nSummary');
  console.table(summary);

  const outDir = join(__dirname);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: machineNotes(),
        engine: rows,
        mergeAfterConflict: merges,
        server,
        ...app,
        summary,
        goals: Object.fromEntries(
          summary.filter((s) => s.met !== null).map((s) => [s.metric, s.met]),
        ),
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${join(outDir, 'results.json')}`);
}

interface AppMeasurements {
  /** Why the build-dependent part was skipped, if it was. */
  skipped?: string;
  bundles?: BundleSizes;
  /** bundle-sizes' first loads checked against what Chromium fetched. */
  fetchedFirstLoad?: FetchedFirstLoadRow[];
  browser?: BrowserResults;
}

/**
 * The parts that need a production build: bundle sizes (always, when a build exists or can be
 * made) and the Chromium measurements (unless BENCH_BROWSER=0).
 */
async function measureApp(): Promise<AppMeasurements> {
  const distDir = benchDistDir();
  const browserWanted = process.env.BENCH_BROWSER !== '0';
  if (!browserWanted && !existsSync(join(ROOT, distDir, 'BUILD_ID'))) {
    return { skipped: `BENCH_BROWSER=0 and no production build in ${distDir}/` };
  }
  ensureProductionBuild(distDir);
  const bundles = measureBundleSizes(join(ROOT, distDir));
  console.log(
    `\nFirst-load JS per route (${distDir}/): framework = chunks every route loads, app = layout + page; goals from #16`,
  );
  console.table(bundles.routes);
  console.log(
    'Framework chunks (build-manifest rootMainFiles) and nomodule polyfills (not counted)',
  );
  console.table([...bundles.frameworkChunks, ...bundles.polyfillChunks]);
  console.table({
    'Monaco chunk': bundles.monacoChunk?.file ?? 'not found',
    'Monaco chunk kB': bundles.monacoChunk?.kB ?? 0,
    'Monaco chunk gzip kB': bundles.monacoChunk?.gzipKB ?? 0,
    'Monaco in any first load': bundles.monacoInFirstLoad,
  });
  if (!browserWanted) return { bundles, skipped: 'browser (BENCH_BROWSER=0)' };

  const app = await startDemoApp(distDir);
  try {
    const fetchedFirstLoad = await measureFetchedFirstLoad(app, bundles, BROWSER_PAGES[0]!.pageId);
    console.log('\nFirst-load JS as Chromium fetched it (empty cache), next to bundle-sizes');
    console.table(fetchedFirstLoad);
    const browser = await measureBrowser(app);
    console.log('\nChromium: keystroke → preview updated, and DOMParser on the same body');
    console.table(browser.keystroke);
    console.log(
      'Chromium: page open → editor interactive (navigation start → Monaco focusable + preview shown)',
    );
    console.table(browser.open);
    console.log('Chromium: JavaScript fetched to open the editor with an empty cache');
    const { largest, ...editorJs } = browser.editorJs;
    console.table(editorJs);
    console.table(largest);
    return { bundles, fetchedFirstLoad, browser };
  } finally {
    await app.close();
  }
}

/**
 * What the raw saxes pass over ~1 MB costs on our 2-core machines when they run at their usual
 * speed (docs/performance-anchors.md: ≈ 30 ms, Node 20). These shared VMs drift: the
 * same pass measured 24–54 ms within one morning, and the whole engine drifts with it. The 1 MB
 * goal (≤ 50 ms) was set against that anchor, so next to the raw median the summary also states
 * the engine's same-run ratio to saxes at the anchor speed: the figure a run on a machine at its
 * usual speed would give, which the machine's drift does not move.
 */
const SAXES_1MB_ANCHOR_MS = 30;

/** The 1 MB pages of real, macro-rich bodies (bench/corpus-pages.ts), by their table name. */
const REAL_1MB_INPUTS = ['corpus 1 MB (macro-rich)', 'corpus 1 MB, one line'];

interface SummaryRow {
  metric: string;
  value: number | string;
  goal: string;
  /** null: no goal set for this number. */
  met: boolean | null;
}

function summarise(
  rows: Row[],
  merges: MergeRow[],
  server: ServerMeasurements,
  app: AppMeasurements,
): SummaryRow[] {
  const pipeline = (input: string) =>
    rows.find((r) => r.input === input && r.stage.startsWith('validate + render'))!;
  const keystroke = (input: string) =>
    rows.find((r) => r.input === input && r.stage === INCREMENTAL_KEYSTROKE)!.ms;
  // Issue #2's goal was set on the joined corpus and the synthetic pages; the 1 MB corpus pages
  // have issue #16's goal of their own, below.
  const worstRatio = Math.max(
    ...rows
      .filter((r) => r.stage.startsWith('validate + render') && !REAL_1MB_INPUTS.includes(r.input))
      .map((r) => r.vsTokenizer),
  );
  const summary: SummaryRow[] = [
    {
      metric: 'engine: 20 KB validate + render (ms)',
      value: pipeline('synthetic 20 KB').ms,
      goal: '≤ 2 (#2)',
      met: pipeline('synthetic 20 KB').ms <= 2,
    },
    {
      metric: 'engine: 1 MB validate + render (ms)',
      value: pipeline('synthetic 1 MB').ms,
      goal: '≤ 50 (#2)',
      met: pipeline('synthetic 1 MB').ms <= 50,
    },
    {
      metric: `engine: 1 MB validate + render at saxes = ${SAXES_1MB_ANCHOR_MS} ms (ms)`,
      value: Number((pipeline('synthetic 1 MB').vsTokenizer * SAXES_1MB_ANCHOR_MS).toFixed(1)),
      goal: '≤ 50 (#2, as a same-run ratio)',
      met: pipeline('synthetic 1 MB').vsTokenizer * SAXES_1MB_ANCHOR_MS <= 50,
    },
    {
      metric: 'engine: pipeline / saxes, worst input',
      value: worstRatio,
      goal: '≤ 3× (#2)',
      met: worstRatio <= 3,
    },
    ...REAL_1MB_INPUTS.map((input) => ({
      metric: `engine: ${input}, validate + render / saxes`,
      value: pipeline(input).vsTokenizer,
      goal: '≤ 2× (#16)',
      met: pipeline(input).vsTokenizer <= 2,
    })),
    ...rows
      .filter((r) => r.stage === INCREMENTAL_KEYSTROKE)
      .map((r) => ({
        metric: `engine: incremental keystroke, ${r.input} (ms)`,
        value: r.ms,
        goal: 'reported (#16)',
        met: null,
      })),
    {
      metric: 'engine: incremental keystroke, corpus 1 MB / synthetic 20 KB',
      value: Number(
        (keystroke('corpus 1 MB (macro-rich)') / keystroke('synthetic 20 KB')).toFixed(2),
      ),
      goal: 'reported (#16: ≤ 3 in Chromium)',
      met: null,
    },
    ...merges
      .filter((m) => m.stage.startsWith('mergePage'))
      .map((m) => ({
        metric: `merge after 409: ${m.input} (ms)`,
        value: m.ms,
        goal: 'reported',
        met: null,
      })),
    {
      metric: 'upstream calls per successful save (max)',
      value: server.upstreamCallsPerSave.max,
      goal: '1 (#4, goal 1)',
      met: server.upstreamCallsPerSave.max === 1,
    },
    {
      metric: 'proxy overhead: app p50 / emulator p50',
      value: server.proxyOverheadRatio,
      goal: 'reported',
      met: null,
    },
  ];
  if (app.bundles) {
    for (const route of app.bundles.routes) {
      summary.push({
        metric: `first-load JS ${route.route} (gzip kB; framework + app)`,
        value: `${route.gzipKB} (${route.frameworkGzipKB} + ${route.appGzipKB})`,
        goal: route.goalGzipKB === null ? 'reported' : `≤ ${route.goalGzipKB} (#16)`,
        met: route.goalGzipKB === null ? null : route.gzipKB <= route.goalGzipKB,
      });
    }
    summary.push({
      metric: 'Monaco chunk (gzip kB), lazy',
      value: app.bundles.monacoChunk?.gzipKB ?? 'not found',
      goal: 'own lazy chunk (#5)',
      met: app.bundles.monacoChunk !== null && !app.bundles.monacoInFirstLoad,
    });
  }
  for (const row of app.fetchedFirstLoad ?? []) {
    summary.push({
      metric: `first-load JS ${row.route} as Chromium fetched it (gzip kB)`,
      value: row.gzipKB,
      goal: 'same files and size as counted',
      met:
        row.countedNotFetched === 0 &&
        row.fetchedNotCounted === 0 &&
        row.gzipKB === row.countedGzipKB,
    });
  }
  if (app.browser) {
    for (const row of app.browser.keystroke) {
      const goal = keystrokeGoalMs(row.page);
      summary.push({
        metric: `keystroke → preview ${row.page} p50 / p95 (ms)`,
        value: `${row.p50Ms} / ${row.p95Ms} (DOMParser ${row.domParserMs})`,
        goal: goal === null ? 'reported' : `p95 ≤ ${goal} (#16)`,
        met: goal === null ? null : row.missed === 0 && row.p95Ms <= goal,
      });
    }
    const p95 = (page: string) => app.browser!.keystroke.find((r) => r.page === page)?.p95Ms;
    for (const [corpus, small] of [
      ['1 MB corpus', '20 KB'],
      ['1 MB corpus, mid-page', '20 KB, mid-page'],
    ] as const) {
      const [big, base] = [p95(corpus), p95(small)];
      if (big === undefined || base === undefined) continue;
      summary.push({
        metric: `keystroke p95 ${corpus} / ${small}`,
        value: (big / base).toFixed(2),
        goal: '≤ 3 (#16)',
        met: big / base <= 3,
      });
    }
    for (const row of app.browser.open) {
      const oneMB = row.page.startsWith('1 MB');
      summary.push({
        metric: `open → editor interactive ${row.page} (ms)`,
        value: row.interactiveMs,
        goal: oneMB ? '≤ 1000 (#16)' : 'reported',
        met: oneMB ? row.interactiveMs <= 1000 : null,
      });
    }
    summary.push({
      metric: 'JS fetched to open the editor, cold (transfer kB)',
      value: app.browser.editorJs.transferKB,
      goal: 'reported',
      met: null,
    });
  }
  if (app.skipped) summary.push({ metric: 'skipped', value: app.skipped, goal: '', met: null });
  return summary;
}

/** Keystroke → preview p95 goal of a page (#16: 20 and 200 KB ≤ 16 ms, 1 MB ≤ 50 ms), any place. */
function keystrokeGoalMs(page: string): number | null {
  // "200 KB one-line, mid-page" → "200 KB".
  const size = page.split(',')[0]!.split(' ').slice(0, 2).join(' ');
  if (size === '20 KB' || size === '200 KB') return 16;
  if (size === '1 MB') return 50;
  return null;
}

function machineNotes() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
