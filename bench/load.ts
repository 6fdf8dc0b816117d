import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startDemoApp } from './load-app';
import {
  runLoad,
  verifyNoLostUpdates,
  type LoadResult,
  type LostUpdateReport,
} from './load-runner';

/**
 * `npm run load`: N simulated users (LOAD_USERS, default 20) open and save a few shared pages
 * (LOAD_PAGES, default three) through the production app, on loopback, against the emulator,
 * for LOAD_SECONDS (default 60) or LOAD_MAX_REQUESTS requests, whichever comes first. Prints
 * throughput, latency percentiles and the error rate, writes bench/load-results.json, and exits
 * non-zero when the emulator's history disagrees with what the app acknowledged (a lost update).
 */
function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** Loopback only: the load goes nowhere but the app this script started. */
export async function measureLoad(): Promise<{ result: LoadResult; report: LostUpdateReport }> {
  const users = envNumber('LOAD_USERS', 20);
  const seconds = envNumber('LOAD_SECONDS', 60);
  const pageIds = (process.env.LOAD_PAGES ?? '9470040,9470041,9470047').split(',');
  const app = await startDemoApp();
  try {
    console.log(
      `load: ${users} users on ${pageIds.length} pages for ${seconds} s against ${app.appUrl}`,
    );
    const result = await runLoad({
      // Node's fetch keeps connections alive: each user ends up with its own, as a browser would.
      send: (request) => fetch(request),
      appOrigin: app.appUrl,
      emulator: app.emulator,
      users,
      pageIds,
      durationMs: seconds * 1000,
      maxRequests: envNumber('LOAD_MAX_REQUESTS', 200_000),
      thinkMs: Number(process.env.LOAD_THINK_MS ?? 0),
      accounts: [
        { username: 'demo', password: 'demo' },
        { username: 'alex', password: 'alex' },
      ],
    });
    return { result, report: verifyNoLostUpdates(result, app.emulator) };
  } finally {
    await app.close();
  }
}

export function printLoad({ result, report }: { result: LoadResult; report: LostUpdateReport }) {
  console.table(result.operations);
  console.table({
    'elapsed (s)': Number((result.elapsedMs / 1000).toFixed(1)),
    'requests/s': result.requestsPerS,
    'acknowledged saves/s': result.savesPerS,
    'conflicts (409)': result.conflicts,
    'error rate': `${(result.errorRate * 100).toFixed(2)} %`,
    'versions created': report.versionsCreated,
    'acknowledged saves': report.acknowledged,
    'lost updates / violations': report.violations.length,
    'stopped by': result.stoppedBy,
  });
  if (Object.keys(result.errorKinds).length > 0) console.table(result.errorKinds);
  for (const violation of report.violations.slice(0, 20)) console.error(`VIOLATION ${violation}`);
}

/** What goes into the JSON files: everything but the bodies of every save. */
export function loadSummary({ result, report }: { result: LoadResult; report: LostUpdateReport }) {
  const { saves: _saves, ...rest } = result;
  return { ...rest, lostUpdates: report };
}

async function main(): Promise<void> {
  const outcome = await measureLoad();
  printLoad(outcome);
  const file = join(__dirname, 'load-results.json');
  mkdirSync(__dirname, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ measuredAt: new Date().toISOString(), ...loadSummary(outcome) }, null, 2),
  );
  console.log(`wrote ${file}`);
  if (outcome.report.violations.length > 0) {
    console.error(`${outcome.report.violations.length} lost-update violations`);
    process.exit(1);
  }
  console.log('zero lost updates: every acknowledged save is in the history, every conflict a 409');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
