import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import { CookieJar, errorCode } from './load-session';
import type { LoadOptions, LoadResult, Operation, OperationStats, SaveRecord } from './load-types';

export type * from './load-types';
export { verifyNoLostUpdates, type LostUpdateReport } from './load-lost-updates';

/**
 * The load test's engine, independent of how the app is reached: N simulated users, each with
 * its own session, open a page, change it and save it with the version they read; on a 409
 * they read again and retry. Every save's outcome is recorded so that, afterwards, the
 * emulator's version history can be checked against what the app acknowledged
 * (verifyNoLostUpdates). `bench/load.ts` drives the production app over HTTP; a Vitest test
 * drives the route handlers in process.
 */

interface PageJson {
  page: {
    id: string;
    title: string;
    parentId: string | null;
    body: string;
    version: { number: number };
  };
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same page choices. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKER = /<p>Load test save [\w-]+\.<\/p>$/;

/** The user's edit: the page as read, with its last load-test line replaced by this save's own. */
export function editedBody(body: string, saveId: string): string {
  return `${body.replace(MARKER, '')}<p>Load test save ${saveId}.</p>`;
}

function percentile(histogram: RecordableHistogram, p: number): number {
  return histogram.count === 0 ? 0 : Number((histogram.percentile(p) / 1000).toFixed(2));
}

/** Runs the load and returns every measurement plus every save's outcome. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const histograms = new Map<Operation, RecordableHistogram>(
    (['sign-in', 'open', 'save'] as const).map((op) => [op, createHistogram()]),
  );
  const errorsByOp = new Map<Operation, number>();
  const errorKinds: Record<string, number> = {};
  const saves: SaveRecord[] = [];
  let requests = 0;
  let conflicts = 0;
  let stoppedBy: LoadResult['stoppedBy'] = 'time';

  /** One request, timed into the operation's histogram (microsecond resolution). */
  async function call(
    operation: Operation,
    jar: CookieJar,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<Response | null> {
    requests++;
    const headers: Record<string, string> = { cookie: jar.header() };
    if (json !== undefined) {
      Object.assign(headers, {
        'content-type': 'application/json',
        origin: options.appOrigin,
        'sec-fetch-site': 'same-origin',
        ...CSRF_HEADERS,
      });
    }
    const t0 = performance.now();
    let response: Response | null = null;
    try {
      response = await options.send(
        new Request(`${options.appOrigin}${path}`, {
          method,
          headers,
          body: json === undefined ? undefined : JSON.stringify(json),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    } catch (error) {
      const kind = `no answer (${error instanceof Error ? error.name : 'error'})`;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    }
    histograms.get(operation)!.record(Math.max(1, Math.round((performance.now() - t0) * 1000)));
    if (response) jar.take(response);
    if (response === null || (!response.ok && response.status !== 409)) {
      errorsByOp.set(operation, (errorsByOp.get(operation) ?? 0) + 1);
    }
    return response;
  }

  function noteError(response: Response, code: string | undefined): void {
    const kind = `${response.status} ${code ?? ''}`.trim();
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  }

  // Sign in one after another: the app throttles sign-in per client, and a burst of 20 from
  // one address is exactly what it is built to slow down.
  const jars: CookieJar[] = [];
  for (let user = 0; user < options.users; user++) {
    const account = options.accounts[user % options.accounts.length]!;
    const jar = new CookieJar();
    const response = await call('sign-in', jar, 'POST', '/api/session', {
      method: 'dc-password',
      username: account.username,
      password: account.password,
    });
    if (!response?.ok) {
      const code = response ? await errorCode(response) : 'no answer';
      throw new Error(`user ${user} (${account.username}) could not sign in: ${code}`);
    }
    await response.arrayBuffer();
    jars.push(jar);
  }

  const initialVersions: Record<string, number> = {};
  for (const id of options.pageIds) {
    const record = options.emulator.page(id);
    if (!record) throw new Error(`page ${id} is not in the emulator`);
    initialVersions[id] = record.current.number;
  }

  const started = performance.now();
  const deadline = started + options.durationMs;
  const stop = (): boolean => {
    if (requests >= options.maxRequests) {
      stoppedBy = 'request cap';
      return true;
    }
    return performance.now() >= deadline;
  };

  /** GET the page; null when the app did not answer with it. */
  async function open(jar: CookieJar, id: string): Promise<PageJson['page'] | null> {
    const response = await call('open', jar, 'GET', `/api/pages/${id}`);
    if (!response) return null;
    if (!response.ok) {
      noteError(response, await errorCode(response));
      return null;
    }
    return ((await response.json()) as PageJson).page;
  }

  async function simulate(user: number): Promise<void> {
    const jar = jars[user]!;
    const username = options.accounts[user % options.accounts.length]!.username;
    const next = random((options.seed ?? 1) * 7919 + user);
    let attempt = 0;
    while (!stop()) {
      const id = options.pageIds[Math.floor(next() * options.pageIds.length)]!;
      let page = await open(jar, id);
      // Save until acknowledged; a 409 means someone saved first: read again, re-apply, retry.
      while (page && !stop()) {
        const saveId = `u${user}-${attempt++}`;
        const record: SaveRecord = {
          saveId,
          user,
          username,
          pageId: id,
          baseVersion: page.version.number,
          title: page.title,
          body: editedBody(page.body, saveId),
          status: 0,
        };
        saves.push(record);
        const response = await call('save', jar, 'PUT', `/api/pages/${id}`, {
          baseVersion: record.baseVersion,
          title: record.title,
          body: record.body,
          parentId: page.parentId,
          message: saveId,
        });
        if (!response) break;
        record.status = response.status;
        if (response.ok) {
          record.ackVersion = ((await response.json()) as { version: number }).version;
          break;
        }
        record.errorCode = await errorCode(response);
        if (response.status !== 409) {
          noteError(response, record.errorCode);
          break;
        }
        conflicts++;
        page = await open(jar, id);
      }
      if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
    }
  }

  await Promise.all(Array.from({ length: options.users }, (_, user) => simulate(user)));
  const elapsedMs = performance.now() - started;

  const operations: OperationStats[] = [...histograms].map(([operation, histogram]) => ({
    operation,
    count: histogram.count,
    errors: errorsByOp.get(operation) ?? 0,
    p50Ms: percentile(histogram, 50),
    p95Ms: percentile(histogram, 95),
    p99Ms: percentile(histogram, 99),
    maxMs: histogram.count === 0 ? 0 : Number((histogram.max / 1000).toFixed(2)),
  }));
  const errors = [...errorsByOp.values()].reduce((sum, n) => sum + n, 0);
  const acknowledgedSaves = saves.filter((save) => save.ackVersion !== undefined).length;
  return {
    users: options.users,
    pages: options.pageIds.length,
    elapsedMs,
    requests,
    requestsPerS: Number(((requests / elapsedMs) * 1000).toFixed(1)),
    acknowledgedSaves,
    savesPerS: Number(((acknowledgedSaves / elapsedMs) * 1000).toFixed(1)),
    conflicts,
    errors,
    errorRate: requests === 0 ? 0 : errors / requests,
    errorKinds,
    operations,
    saves,
    initialVersions,
    stoppedBy,
  };
}
