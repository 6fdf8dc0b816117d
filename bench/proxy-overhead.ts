import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator } from '../lib/emulator';

/**
 * What Pagewright's page API adds on top of Confluence itself: the same page read through the
 * route handler (session unseal, SSRF-guarded client, reshaping) and straight from the
 * emulator, same process, same run, with a few requests in flight at once.
 */
export interface ProxyOverheadResult {
  path: string;
  requests: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  requestsPerS: number;
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

export async function measureProxyOverhead(
  requests = 400,
  concurrency = 8,
): Promise<ProxyOverheadResult[]> {
  const emulator = await startEmulator({ port: 0, dataFile: null });
  Object.assign(process.env, {
    PAGEWRIGHT_DEMO: '1',
    PAGEWRIGHT_EMULATOR_URL: emulator.url,
    PAGEWRIGHT_DEMO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pw-bench-')),
    LOG_LEVEL: 'silent',
  });
  const session = await import('../app/api/session/route');
  const page = await import('../app/api/pages/[id]/route');
  const app = 'http://127.0.0.1:3999';
  const signedIn = await session.POST(
    new Request(`${app}/api/session`, {
      method: 'POST',
      headers: { origin: app, 'content-type': 'application/json' },
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
    return [
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
  } finally {
    await emulator.close();
  }
}
