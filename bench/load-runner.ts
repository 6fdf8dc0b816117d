import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

import type { EmulatorHandle } from '@/lib/emulator';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';

/**
 * The load test's engine, independent of how the app is reached: N simulated users, each with
 * its own session, open a page, change it and save it with the version they read; on a 409
 * they read again and retry. Every save's outcome is recorded so that, afterwards, the
 * emulator's version history can be checked against what the app acknowledged
 * (verifyNoLostUpdates). `bench/load.ts` drives the production app over HTTP; a Vitest test
 * drives the route handlers in process.
 */

export interface LoadAccount {
  username: string;
  password: string;
}

export interface LoadOptions {
  /** Sends one request to the app (fetch over HTTP, or a route handler in process). */
  send: (request: Request) => Promise<Response>;
  /**
   * The app's origin: requests are addressed to it, and state-changing ones carry it as Origin
   * with the other marks of the app's own client (JSON, `X-CFE-CSRF: 1`; docs/security.md SESS-6).
   */
  appOrigin: string;
  /** The emulator behind the app, read after the run to check the history. */
  emulator: Pick<EmulatorHandle, 'page'>;
  users: number;
  /** Pages the users share (few pages, many users: conflicts really happen). */
  pageIds: string[];
  durationMs: number;
  /** Hard cap on requests across all users (the run also stops at durationMs). */
  maxRequests: number;
  /** Accounts the users sign in with, round robin. */
  accounts: LoadAccount[];
  /** Pause between one user's edits (0: back to back). */
  thinkMs?: number;
  /** Per-request timeout; a timed-out request counts as an error. */
  requestTimeoutMs?: number;
  /** Seed for the page choices, so runs are comparable. */
  seed?: number;
}

export type Operation = 'sign-in' | 'open' | 'save';

/** One save attempt and what the app answered. */
export interface SaveRecord {
  /** Unique per attempt; also sent as the version message, so the history names its save. */
  saveId: string;
  user: number;
  username: string;
  pageId: string;
  baseVersion: number;
  title: string;
  body: string;
  /** HTTP status, or 0 when no answer arrived (network error, timeout). */
  status: number;
  /** The version the app said the save became (2xx only). */
  ackVersion?: number;
  errorCode?: string;
}

export interface OperationStats {
  operation: Operation;
  count: number;
  /** Answers other than 2xx and 409. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult {
  users: number;
  pages: number;
  elapsedMs: number;
  requests: number;
  requestsPerS: number;
  acknowledgedSaves: number;
  savesPerS: number;
  conflicts: number;
  errors: number;
  /** errors / requests. */
  errorRate: number;
  /** Error answers by status and code, e.g. `500 upstream_error`. */
  errorKinds: Record<string, number>;
  operations: OperationStats[];
  saves: SaveRecord[];
  /** Each page's current version before the run. */
  initialVersions: Record<string, number>;
  stoppedBy: 'time' | 'request cap';
}

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

class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const json = (await response.json()) as { error?: { code?: string } };
    return json.error?.code;
  } catch {
    return undefined;
  }
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

export interface LostUpdateReport {
  /** Versions created during the run, over all pages. */
  versionsCreated: number;
  acknowledged: number;
  conflicts: number;
  /** Saves that ended neither acknowledged nor 409 (each also listed in `violations` if it left a trace). */
  otherFailures: number;
  /** Every broken promise, in words; empty means no update was lost. */
  violations: string[];
}

/**
 * Checks the run against the emulator's history: every acknowledged save is exactly the version
 * it was acknowledged as (body, title, base + 1, its own message); no version appeared that the
 * app did not acknowledge; every 409 was a real conflict (someone else's save holds base + 1);
 * and every other failure left no version behind.
 */
export function verifyNoLostUpdates(
  result: Pick<LoadResult, 'saves' | 'initialVersions'>,
  emulator: Pick<EmulatorHandle, 'page'>,
): LostUpdateReport {
  const violations: string[] = [];
  let versionsCreated = 0;
  for (const [pageId, initial] of Object.entries(result.initialVersions)) {
    const record = emulator.page(pageId);
    if (!record) {
      violations.push(`page ${pageId} disappeared`);
      continue;
    }
    const created = new Map(
      [...record.history, record.current]
        .filter((version) => version.number > initial)
        .map((version) => [version.number, version]),
    );
    versionsCreated += created.size;
    const saves = result.saves.filter((save) => save.pageId === pageId);
    const claimed = new Map<number, string>();
    for (const save of saves) {
      if (save.ackVersion !== undefined) {
        const other = claimed.get(save.ackVersion);
        if (other) {
          violations.push(
            `page ${pageId}: saves ${other} and ${save.saveId} were both acknowledged as version ${save.ackVersion}`,
          );
        }
        claimed.set(save.ackVersion, save.saveId);
        const version = created.get(save.ackVersion);
        if (save.ackVersion !== save.baseVersion + 1) {
          violations.push(
            `page ${pageId}: save ${save.saveId} from version ${save.baseVersion} was acknowledged as ${save.ackVersion}, not base + 1`,
          );
        }
        if (!version) {
          violations.push(
            `page ${pageId}: save ${save.saveId} was acknowledged as version ${save.ackVersion}, which does not exist`,
          );
        } else if (
          version.body !== save.body ||
          version.title !== save.title ||
          version.message !== save.saveId
        ) {
          violations.push(
            `page ${pageId}: version ${save.ackVersion} is not what save ${save.saveId} sent (lost update)`,
          );
        }
      } else if (save.status === 409) {
        const taken = created.get(save.baseVersion + 1);
        if (!taken || taken.message === save.saveId) {
          violations.push(
            `page ${pageId}: save ${save.saveId} got 409 but version ${save.baseVersion + 1} is not someone else's save`,
          );
        }
      }
    }
    for (const [number, version] of created) {
      if (!claimed.has(number)) {
        violations.push(
          `page ${pageId}: version ${number} (message "${version.message}") was created but never acknowledged`,
        );
      }
    }
  }
  return {
    versionsCreated,
    acknowledged: result.saves.filter((save) => save.ackVersion !== undefined).length,
    conflicts: result.saves.filter((save) => save.status === 409).length,
    otherFailures: result.saves.filter(
      (save) => save.ackVersion === undefined && save.status !== 409,
    ).length,
    violations,
  };
}
