import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { toAppError } from '@/lib/api/to-app-error';
import { startEmulator } from '@/lib/emulator';
import { messageFor } from '@/lib/errors';

import { createConfluenceClient } from './client';
import { ConfluenceError } from './errors';
import { DEFAULT_DEADLINE_MS } from './guarded-fetch';
import { ConfluenceTransport } from './transport';

/**
 * What one request to Confluence may cost: one deadline for a whole GET, every try and every
 * wait included, and a cap on the size of an answer, each with its own message for the user.
 */
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let big: Server;
let bigUrl = '';
const SANDBOX = '9470040';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
  big = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    // 25 MB of a JSON string, written in pieces as a real server would.
    response.write('{"body":"');
    const piece = 'x'.repeat(1024 * 1024);
    let written = 0;
    const more = () => {
      while (written < 25) {
        written += 1;
        if (!response.write(piece)) return void response.once('drain', more);
      }
      response.end('"}');
    };
    more();
  });
  await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
  bigUrl = `http://127.0.0.1:${(big.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await emulator?.close();
  big.closeAllConnections();
  await new Promise((resolve) => big.close(resolve));
});

function client(guard: { deadlineMs?: number; totalTimeoutMs?: number }) {
  return createConfluenceClient({
    baseUrl: emulator.url,
    flavour: 'datacenter',
    credentials: { method: 'dc-pat', token: 'demo-pat' },
    guard: { privateOk: true, ...guard },
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ outcome: unknown; ms: number }> {
  const started = Date.now();
  const outcome = await work().catch((error: unknown) => error);
  return { outcome, ms: Date.now() - started };
}

describe('one deadline per request to Confluence', () => {
  it('is about 30 s by default', () => {
    expect(DEFAULT_DEADLINE_MS).toBeGreaterThanOrEqual(25_000);
    expect(DEFAULT_DEADLINE_MS).toBeLessThanOrEqual(30_000);
  });

  it('ends a GET to a Confluence that never answers at the deadline, not after five timeouts', async () => {
    const confluence = client({ deadlineMs: 1_500, totalTimeoutMs: 1_000 });
    try {
      emulator.setFaults({ hangEvery: 1 });
      const { outcome, ms } = await timed(() => confluence.getPage(SANDBOX));
      expect(outcome).toBeInstanceOf(ConfluenceError);
      expect(outcome).toMatchObject({ kind: 'timeout', details: { deadlineMs: 1_500 } });
      expect(ms).toBeGreaterThanOrEqual(1_400);
      expect(ms).toBeLessThan(2_500);
      const appError = toAppError(outcome);
      expect(appError).toMatchObject({ code: 'upstream_timeout', status: 504 });
      expect(appError.message).toMatch(/^Confluence did not answer in 1\.5 s\. Try again/);
    } finally {
      emulator.clearFaults();
      await confluence.close();
    }
  });

  it('counts the waits between retries: no wait starts that would outlast it', async () => {
    const confluence = client({ deadlineMs: 1_500 });
    try {
      emulator.setFaults({ serverErrorEvery: 1, serverErrorStatus: 503, retryAfterSeconds: 1 });
      emulator.clearRequests();
      const { outcome, ms } = await timed(() => confluence.getAncestors(SANDBOX));
      expect(outcome).toMatchObject({ kind: 'server_error', details: { status: 503 } });
      expect(ms).toBeLessThan(1_500);
      expect(emulator.requests().length).toBeLessThan(5);
    } finally {
      emulator.clearFaults();
      await confluence.close();
    }
  });

  it('bounds a save the same way', async () => {
    const confluence = client({ deadlineMs: 1_000, totalTimeoutMs: 10_000 });
    try {
      const page = await confluence.getPage(SANDBOX);
      emulator.setFaults({ hangEvery: 1 });
      const { outcome, ms } = await timed(() =>
        confluence.savePage({
          id: SANDBOX,
          title: page.title,
          body: '<p>Never answered.</p>',
          baseVersion: page.version.number,
          parentId: page.parentId,
        }),
      );
      // The PUT's deadline, then the read that checks whether it applied: its own deadline.
      expect(outcome).toMatchObject({ kind: 'timeout' });
      expect(ms).toBeLessThan(3_000);
    } finally {
      emulator.clearFaults();
      await confluence.close();
    }
  });
});

describe('an answer larger than Pagewright reads', () => {
  it('says Confluence answered too much, with the limit, not that the page exceeds 5 MB', async () => {
    const transport = new ConfluenceTransport({
      baseUrl: bigUrl,
      credentials: { method: 'dc-pat', token: 't' },
      guard: { privateOk: true },
    });
    try {
      const outcome = await transport
        .request('GET', 'rest/api/content/1', { schema: z.unknown() })
        .catch((error: unknown) => error);
      expect(outcome).toMatchObject({
        kind: 'response_too_large',
        details: { maxBytes: 20 * 1024 * 1024 },
      });
      const appError = toAppError(outcome);
      expect(appError.code).toBe('upstream_too_large');
      expect(appError.status).toBe(502);
      expect(appError.message).toBe(
        "Confluence's answer was larger than Pagewright reads (20 MB at most), so it was not loaded.",
      );
      expect(appError.message).not.toBe(messageFor('too_large'));
    } finally {
      await transport.close();
    }
  });
});
