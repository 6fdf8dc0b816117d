import { writeFileSync } from 'node:fs';

import type { CDPSession, Page } from '@playwright/test';

import {
  BROWSER_PAGES,
  measureKeystrokes,
  openSignedInBrowser,
  seedSyntheticBodies,
} from './browser';
import type { TypingPlace } from './browser-keystrokes';
import { analyseProfile, type CpuProfile } from './cpu-profile';
import { benchDistDir, startDemoApp } from './load-app';

/**
 * Only the keystroke → preview part of `npm run bench` (bench/browser.ts), for working on the
 * preview's latency: the same probes and the same measurement, on chosen page sizes, plus an
 * optional breakdown of where a keystroke's time goes (Chromium trace + CPU profile).
 *
 *   PAGEWRIGHT_DIST_DIR=.next-x npx tsx bench/keystroke-only.ts
 *
 * KEYSTROKE_PAGES  labels to measure, comma-separated (default `20 KB,200 KB`)
 * KEYSTROKES       keys per page (default 60)
 * KEYSTROKE_AT     `end` (default), `middle`, or `both`: where on the page the keys are typed
 * KEYSTROKE_TRACE  `1`: after the TRACE_PAGE run, trace TRACE_KEYS more keys and print the breakdown
 * TRACE_PAGE      the page traced (default `20 KB`)
 * TRACE_KEYS       keys traced (default 20); the raw trace goes to /tmp/keystroke-trace.json
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8',
  'disabled-by-default-devtools.timeline',
].join(',');

/** Presses one key and waits for the preview's first change after it, like measureKeystrokes. */
async function typeKey(page: Page, key: string): Promise<void> {
  const before = await page.evaluate(() => ({
    keys: window.__bench!.keys.length,
    updates: window.__bench!.updates.length,
  }));
  await page.keyboard.press(key);
  await page.waitForFunction(
    ({ keys, updates }) => {
      const bench = window.__bench!;
      if (bench.keys.length <= keys || bench.updates.length <= updates) return false;
      const at = bench.keys[keys]!;
      return bench.updates.slice(updates).some((u) => u >= at);
    },
    before,
    { polling: 'raf', timeout: 10_000 },
  );
}

async function collectTrace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    events.push(...(message.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(',') },
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** A short label for a trace event: what kind of work it is. */
function labelOf(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  if (event.name === 'EventDispatch') return `EventDispatch:${String(data.type)}`;
  if (event.name === 'FunctionCall') {
    const url = String(data.url ?? '').replace(/^.*\//, '');
    return `FunctionCall:${String(data.functionName ?? '') || '(anon)'}@${url}`;
  }
  return event.name;
}

const WORK_NAMES = new Set([
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'V8.RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseHTML',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'BlinkGC.AtomicPhase',
  'HitTest',
  'UpdateLayer',
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
]);

function analyseTrace(events: TraceEvent[], keys: number[], updates: number[]): void {
  const sync = events.find((e) => e.name === 'keystroke-sync' && e.cat.includes('user_timing'));
  if (!sync) {
    console.log('trace: no sync mark found');
    return;
  }
  const main = events.filter((e) => e.pid === sync.pid && e.tid === sync.tid && e.ph === 'X');
  // performance.now() ms → trace µs: from the mark's own startTime, else from the first keydown.
  const syncAt = Number((sync.args?.data as { startTime?: number } | undefined)?.startTime ?? NaN);
  const firstKeydown = main.find(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && e.ts > sync.ts,
  );
  const offset = Number.isFinite(syncAt)
    ? sync.ts - syncAt * 1000
    : firstKeydown && keys.length > 0
      ? firstKeydown.ts - keys[0]! * 1000
      : null;
  if (offset === null) {
    console.log('trace: cannot align the trace with the page clock');
    return;
  }
  const totals = new Map<string, number>();
  const tasksPerKey: number[] = [];
  let busyTotal = 0;
  let windowTotal = 0;
  const samples: { window: number; text: string }[] = [];
  for (let k = 0; k < keys.length; k++) {
    const from = keys[k]! * 1000 + offset;
    const updateAt = updates.find((u) => u >= keys[k]!);
    if (updateAt === undefined) continue;
    const to = updateAt * 1000 + offset;
    windowTotal += (to - from) / 1000;
    const tasks = main
      .filter((e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) > from && e.ts < to)
      .sort((a, b) => a.ts - b.ts);
    tasksPerKey.push(tasks.length);
    const lines: string[] = [];
    for (const task of tasks) {
      const start = Math.max(task.ts, from);
      const end = Math.min(task.ts + (task.dur ?? 0), to);
      busyTotal += (end - start) / 1000;
      const inside = main.filter(
        (e) =>
          e !== task &&
          WORK_NAMES.has(e.name) &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
      );
      // Only outermost work items of the task count, so nothing is counted twice.
      const outer = inside.filter(
        (e) =>
          !inside.some(
            (o) =>
              o !== e &&
              o.ts <= e.ts &&
              o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) &&
              (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0)),
          ),
      );
      for (const e of outer) {
        const label = labelOf(e);
        totals.set(label, (totals.get(label) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const parts = outer
        .filter((e) => (e.dur ?? 0) >= 100)
        .map((e) => `${labelOf(e)} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
        .join(', ');
      lines.push(
        `  +${((task.ts - from) / 1000).toFixed(1)} ms task ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${parts}`,
      );
    }
    samples.push({
      window: (to - from) / 1000,
      text: `key ${k}: update after ${((to - from) / 1000).toFixed(1)} ms\n${lines.join('\n')}`,
    });
  }
  const n = tasksPerKey.length;
  console.log(
    `\nTrace of ${n} keys: mean window ${(windowTotal / n).toFixed(1)} ms, main thread busy ${(busyTotal / n).toFixed(1)} ms, tasks per key ${(tasksPerKey.reduce((a, b) => a + b, 0) / n).toFixed(1)}`,
  );
  // The first keys, then the slowest ones (the tail the p95 is about).
  console.log(
    samples
      .slice(0, 3)
      .map((sample) => sample.text)
      .join('\n'),
  );
  console.log('Slowest keys:');
  console.log(
    [...samples]
      .sort((a, b) => b.window - a.window)
      .slice(0, 3)
      .map((sample) => sample.text)
      .join('\n'),
  );
  // performance.measure()s the app may carry while being profiled (async b/e pairs): per key.
  const measures = new Map<string, number>();
  const open = new Map<string, TraceEvent>();
  for (const e of events) {
    if (!e.cat.includes('user_timing') || (e.ph !== 'b' && e.ph !== 'e')) continue;
    const key = `${e.name}#${JSON.stringify((e as unknown as { id2?: unknown; id?: unknown }).id2 ?? (e as unknown as { id?: unknown }).id)}`;
    if (e.ph === 'b') open.set(key, e);
    else {
      const begin = open.get(key);
      open.delete(key);
      if (begin) measures.set(e.name, (measures.get(e.name) ?? 0) + (e.ts - begin.ts) / 1000);
    }
  }
  if (measures.size > 0) {
    console.table(
      [...measures].map(([measure, ms]) => ({ measure, msPerKey: Number((ms / n).toFixed(2)) })),
    );
  }
  const rows = [...totals]
    .map(([work, ms]) => ({ work, msPerKey: Number((ms / n).toFixed(2)) }))
    .filter((r) => r.msPerKey >= 0.05)
    .sort((a, b) => b.msPerKey - a.msPerKey)
    .slice(0, 25);
  console.table(rows);
}

async function main(): Promise<void> {
  const wanted = (process.env.KEYSTROKE_PAGES ?? '20 KB,200 KB').split(',').map((s) => s.trim());
  const keystrokes = Number(process.env.KEYSTROKES ?? 60);
  const trace = process.env.KEYSTROKE_TRACE === '1';
  const traceKeys = Number(process.env.TRACE_KEYS ?? 20);
  const tracePage = process.env.TRACE_PAGE ?? '20 KB';
  const at = process.env.KEYSTROKE_AT ?? 'end';
  const places: TypingPlace[] =
    at === 'both' ? ['end', 'middle'] : [at === 'middle' ? 'middle' : 'end'];
  const targets = BROWSER_PAGES.filter((p) => wanted.includes(p.label));
  const app = await startDemoApp(benchDistDir());
  try {
    const bodies = seedSyntheticBodies(app, targets);
    const { browser, page } = await openSignedInBrowser(app);
    try {
      const rows = [];
      for (const target of targets) {
        const body = bodies.get(target.pageId)!;
        for (const where of places) {
          rows.push(
            await measureKeystrokes(page, app.appUrl, target, body, keystrokes, 120_000, where),
          );
        }
        if (!trace || target.label !== tracePage) continue;
        const cdp = await page.context().newCDPSession(page);
        const keysBefore = await page.evaluate(() => window.__bench!.keys.length);
        const events = await collectTrace(cdp, async () => {
          await page.evaluate(() => performance.mark('keystroke-sync'));
          for (let k = 0; k < traceKeys; k++) await typeKey(page, 'x');
        });
        writeFileSync('/tmp/keystroke-trace.json', JSON.stringify({ traceEvents: events }));
        const { keys, updates } = await page.evaluate(() => window.__bench!);
        analyseTrace(events, keys.slice(keysBefore), updates);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        for (let k = 0; k < traceKeys; k++) await typeKey(page, 'y');
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        analyseProfile(profile, traceKeys, 'key', '/tmp/keystroke-profile.json');
        await cdp.detach();
      }
      console.log(`\nKeystroke → preview (${benchDistDir()})`);
      console.table(rows);
    } finally {
      await browser.close();
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
