import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator } from '@/lib/emulator';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';

/**
 * What Pagewright's page API adds on top of Confluence itself: the same page read through the
 * route handler (session unseal, SSRF-guarded client, reshaping) and straight from the
 * emulator, same process, same run, with a few requests in flight at once. Also what a save
 * costs upstream: the emulator's request log around each PUT /api/pages/{id}.
 */
export interface ProxyOverheadResult {
  path: string;
  requests: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  requestsPerS: number;
}

interface PageForSave {
  title: string;
  body: string;
  parentId: string | null;
  version: { number: number };
}

async function drive(
  label: string,
  requests: number,
  concurrency: number,
  send: () => Promise<Response>,
): Promise<ProxyOverheadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t0 = performance.now();
        const response = await send();
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    path: label,
    requests,
    concurrency,
    p50Ms: Number(latencies[Math.floor(latencies.length * 0.5)]!.toFixed(2)),
    p95Ms: Number(latencies[Math.floor(latencies.length * 0.95)]!.toFixed(2)),
    requestsPerS: Math.round((requests / elapsed) * 1000),
  };
}

export interface UpstreamCallsPerSave {
  saves: number;
  /** Emulator requests logged between the PUT's start and its answer, per save. */
  min: number;
  max: number;
  mean: number;
  /** The route's promise (issue #4, goal 1): one upstream call on the happy path. */
  goal: number;
}

export interface ServerMeasurements {
  proxy: ProxyOverheadResult[];
  /** App p50 / emulator p50, same run. */
  proxyOverheadRatio: number;
  upstreamCallsPerSave: UpstreamCallsPerSave;
}

export async function measureProxyOverhead(
  requests = 400,
  concurrency = 8,
  saves = 20,
): Promise<ServerMeasurements> {
  const emulator = await startEmulator({ port: 0, dataFile: null });
  Object.assign(process.env, {
    PAGEWRIGHT_DEMO: '1',
    PAGEWRIGHT_EMULATOR_URL: emulator.url,
    PAGEWRIGHT_DEMO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pw-bench-')),
    LOG_LEVEL: 'silent',
    // One session sends all of these requests: lift the per-session budget (RATE-3), which would
    // otherwise answer 429 past 300 a minute; the budget's own cost is still measured.
    PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE: '1000000',
  });
  const session = await import('@/app/api/session/route');
  const page = await import('@/app/api/pages/[id]/route');
  const app = 'http://127.0.0.1:3999';
  const signedIn = await session.POST(
    new Request(`${app}/api/session`, {
      method: 'POST',
      headers: { origin: app, 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ method: 'dc-pat', token: 'demo-pat' }),
    }),
  );
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const id = '9470040';
  const authorization = 'Bearer demo-pat';
  try {
    const proxy = [
      await drive(
        'emulator GET /rest/api/content/{id}?expand=body.storage,version,ancestors,space',
        requests,
        concurrency,
        () =>
          fetch(
            `${emulator.url}/rest/api/content/${id}?expand=body.storage,version,ancestors,space`,
            {
              headers: { authorization },
            },
          ),
      ),
      await drive('app GET /api/pages/{id} (route handler → emulator)', requests, concurrency, () =>
        page.GET(new Request(`${app}/api/pages/${id}`, { headers: { cookie } }), {
          params: Promise.resolve({ id }),
        }),
      ),
    ];
    const calls: number[] = [];
    for (let i = 0; i < saves; i++) {
      const read = await page.GET(new Request(`${app}/api/pages/${id}`, { headers: { cookie } }), {
        params: Promise.resolve({ id }),
      });
      const current = ((await read.json()) as { page: PageForSave }).page;
      // Only this PUT runs now, so everything the emulator logs meanwhile is the save's cost.
      emulator.clearRequests();
      const saved = await page.PUT(
        new Request(`${app}/api/pages/${id}`, {
          method: 'PUT',
          headers: { cookie, origin: app, 'content-type': 'application/json', ...CSRF_HEADERS },
          body: JSON.stringify({
            baseVersion: current.version.number,
            title: current.title,
            body: `${current.body}<p>bench save ${i}</p>`,
            parentId: current.parentId,
          }),
        }),
        { params: Promise.resolve({ id }) },
      );
      if (!saved.ok) throw new Error(`bench save ${i}: HTTP ${saved.status}`);
      calls.push(emulator.requests().length);
    }
    return {
      proxy,
      proxyOverheadRatio: Number((proxy[1]!.p50Ms / proxy[0]!.p50Ms).toFixed(2)),
      upstreamCallsPerSave: {
        saves,
        min: Math.min(...calls),
        max: Math.max(...calls),
        mean: Number((calls.reduce((sum, n) => sum + n, 0) / calls.length).toFixed(2)),
        goal: 1,
      },
    };
  } finally {
    await emulator.close();
  }
}
