import type { Browser, Page } from '@playwright/test';

import { BROWSER_PAGES, measureOpen, openSignedInBrowser, seedSyntheticBodies } from './browser';
import { analyseProfile, type CpuProfile } from './cpu-profile';
import { openEditor } from './browser-editor';
import { startDemoApp, type DemoApp } from './load-app';

/**
 * Only the page open → editor interactive part of `npm run bench` (bench/browser.ts), for one or
 * more production builds, e.g. before and after a change to what the editor route loads:
 *
 *   npx tsx bench/open-only.ts .next-before .next-after
 *
 * OPEN_PAGES  labels to open, comma-separated (default `20 KB,1 MB`)
 * OPEN_ROUNDS rounds (default 3); each round opens every page once in every build, in turn, so
 *             the builds meet the same spells of a noisy machine
 * OPEN_PROFILE a page label: after the rounds, opens it OPEN_PROFILE_RUNS times (default 3) in the
 *             first build under Chromium's CPU profiler and prints where the time went (the raw
 *             profile goes to /tmp/open-profile.json)
 */
interface BuildRun {
  distDir: string;
  app: DemoApp;
  browser?: Browser;
  page?: Page;
  /** Page label → ms per open. */
  samples: Map<string, number[]>;
}

async function main(): Promise<void> {
  const distDirs = process.argv.slice(2);
  if (distDirs.length === 0) throw new Error('usage: npx tsx bench/open-only.ts <distDir>...');
  const wanted = (process.env.OPEN_PAGES ?? '20 KB,1 MB').split(',').map((s) => s.trim());
  const rounds = Number(process.env.OPEN_ROUNDS ?? 3);
  const targets = BROWSER_PAGES.filter((p) => wanted.includes(p.label));

  const runs: BuildRun[] = [];
  try {
    for (const distDir of distDirs) {
      const run: BuildRun = { distDir, app: await startDemoApp(distDir), samples: new Map() };
      runs.push(run);
      seedSyntheticBodies(run.app, targets);
      Object.assign(run, await openSignedInBrowser(run.app));
    }
    for (let round = 0; round < rounds; round++) {
      for (const run of runs) {
        for (const target of targets) {
          const row = await measureOpen(run.page!, run.app.appUrl, target, 1);
          run.samples.set(target.label, [...(run.samples.get(target.label) ?? []), row.maxMs]);
        }
      }
    }
    const profiled = targets.find((target) => target.label === process.env.OPEN_PROFILE);
    if (profiled) await profileOpens(runs[0]!, profiled.pageId);
    const rows = runs.flatMap((run) =>
      targets.map((target) => {
        const samples = [...run.samples.get(target.label)!].sort((a, b) => a - b);
        return {
          build: run.distDir,
          page: target.label,
          runs: samples.length,
          medianMs: samples[Math.floor(samples.length / 2)]!,
          maxMs: samples.at(-1)!,
        };
      }),
    );
    console.log(
      '\nPage open → editor interactive (navigation start → Monaco focusable + preview shown)',
    );
    console.table(rows);
  } finally {
    for (const run of runs) {
      await run.browser?.close();
      await run.app.close();
    }
  }
}

/** Opens the page under the CPU profiler (sampling every 100 µs) and prints the heaviest frames. */
async function profileOpens(run: BuildRun, pageId: string): Promise<void> {
  const opens = Number(process.env.OPEN_PROFILE_RUNS ?? 3);
  const cdp = await run.page!.context().newCDPSession(run.page!);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < opens; i++) await openEditor(run.page!, run.app.appUrl, pageId);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  analyseProfile(profile, opens, 'open', '/tmp/open-profile.json');
  await cdp.detach();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
