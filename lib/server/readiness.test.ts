import { createServer } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '@/lib/testing/free-port';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { SharedStore } from '@/lib/store/shared-store';

import { checkReadiness } from './readiness';

/** A stand-in Confluence that answers 401 to everything, as a real one does without credentials. */
const confluence = createServer((_req, res) => {
  res.writeHead(401).end();
});
let confluenceUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => confluence.listen(0, '127.0.0.1', resolve));
  const address = confluence.address();
  confluenceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => confluence.close(resolve));
});

function redisLike(ping: () => Promise<void>): SharedStore {
  return { ...createMemoryStore(), kind: 'redis', ping };
}

describe('readiness', () => {
  it('is ready when the configured Confluence answers at all (even 401)', async () => {
    expect(
      await checkReadiness(createMemoryStore(), { CONFLUENCE_BASE_URL: confluenceUrl }),
    ).toEqual({ ready: true, checks: { confluence: 'ok', store: 'not_configured' } });
  });

  it('is not ready when the configured Confluence is silent', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const result = await checkReadiness(createMemoryStore(), { CONFLUENCE_BASE_URL: nobody }, 500);
    expect(result).toEqual({
      ready: false,
      checks: { confluence: 'failed', store: 'not_configured' },
    });
  });

  it('probes the demo emulator in demo mode, and nothing when users choose their site', async () => {
    const demo = { PAGEWRIGHT_DEMO: '1', PAGEWRIGHT_EMULATOR_URL: confluenceUrl };
    expect((await checkReadiness(createMemoryStore(), demo)).checks.confluence).toBe('ok');
    expect((await checkReadiness(createMemoryStore(), {})).checks.confluence).toBe(
      'not_configured',
    );
  });

  it('fails on a Redis that errors or does not answer within the deadline', async () => {
    const env = { CONFLUENCE_BASE_URL: confluenceUrl };
    const failing = redisLike(() => Promise.reject(new Error('ECONNREFUSED')));
    const hanging = redisLike(() => new Promise(() => {}));
    expect((await checkReadiness(failing, env, 300)).checks.store).toBe('failed');
    const started = Date.now();
    expect(await checkReadiness(hanging, env, 300)).toEqual({
      ready: false,
      checks: { confluence: 'ok', store: 'failed' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(
      (
        await checkReadiness(
          redisLike(async () => {}),
          env,
        )
      ).checks.store,
    ).toBe('ok');
  });
});
