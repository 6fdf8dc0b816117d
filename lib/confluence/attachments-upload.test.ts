import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';
import { sampleLiveMemory } from '@/lib/testing/live-memory';

import { createAttachmentsApi, maxUploadBytes } from './attachments-upload';
import { ConfluenceError } from './errors';
import { ConfluenceTransport } from './transport';

/**
 * Uploads against a bare HTTP sink that counts what arrives: the file streams through (what stays
 * alive is flat for 200 MB), only ever to the signed-in site, and stops at the limit.
 */
const DOWNLOAD_CHUNKS = 1024; // 64 MiB
let sink: Server;
let port = 0;
const seen: Array<{ method: string; url: string; host: string; bytes: number; token?: string }> =
  [];

async function drain(request: IncomingMessage): Promise<number> {
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

beforeAll(async () => {
  sink = createServer((request, response) => {
    // A client that stops reading (the digest past its limit) resets the connection.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    void (async () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        host: request.headers.host ?? '',
        bytes: 0,
        token: request.headers['x-atlassian-token'] as string | undefined,
      };
      seen.push(entry);
      if (request.url === '/confluence/download/big') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 42);
        for (let i = 0; i < DOWNLOAD_CHUNKS && !response.destroyed; i++) {
          if (!response.write(chunk))
            await new Promise((resolve) => response.once('drain', resolve));
        }
        return response.end();
      }
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"results":[]}');
      }
      entry.bytes = await drain(request);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          results: [
            {
              id: 'att1',
              title: 'big.bin',
              extensions: { fileSize: entry.bytes },
              version: { number: 1 },
            },
          ],
        }),
      );
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  port = (sink.address() as AddressInfo).port;
});

afterAll(async () => {
  sink.closeAllConnections();
  await new Promise((resolve) => sink.close(resolve));
});

function api() {
  const http = new ConfluenceTransport({
    baseUrl: `http://127.0.0.1:${port}/confluence`,
    credentials: { method: 'dc-pat', token: 't' },
    guard: { privateOk: true },
  });
  return createAttachmentsApi(http, 'datacenter');
}

/** `total` bytes in 64 KiB chunks, generated as they are read. */
function generated(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(42);
  let left = total;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const size = Math.min(left, chunk.length);
      left -= size;
      controller.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

describe('uploads', () => {
  it(
    'streams 200 MB through without holding it: memory stays bounded',
    { timeout: 120_000 },
    async () => {
      const total = 200 * 1024 * 1024;
      const memory = sampleLiveMemory();
      const result = await api().upload({
        pageId: '123',
        filename: 'big.bin',
        contentType: 'application/octet-stream',
        body: generated(total),
        maxBytes: maxUploadBytes({ PAGEWRIGHT_MAX_UPLOAD_MB: '250' }),
      });
      const peak = memory.stop();
      expect(result.outcome).toBe('created');
      const post = seen.find((entry) => entry.method === 'POST')!;
      expect(post.bytes).toBeGreaterThan(total);
      expect(post.bytes).toBeLessThan(total + 1024);
      // Holding the file would keep at least 200 MB alive.
      expect(peak).toBeLessThan(32 * 1024 * 1024);
    },
  );

  it('goes only to the signed-in site, with the XSRF token, under its context path', () => {
    expect(seen.length).toBeGreaterThan(0);
    for (const entry of seen) {
      expect(entry.host).toBe(`127.0.0.1:${port}`);
      expect(entry.url.startsWith('/confluence/rest/api/content/123/')).toBe(true);
    }
    expect(seen.find((entry) => entry.method === 'POST')?.token).toBe('no-check');
  });

  it('stops at the limit with a clear 413', async () => {
    const failure = await api()
      .upload({
        pageId: '123',
        filename: 'big.bin',
        contentType: 'application/octet-stream',
        body: generated(3 * 1024 * 1024),
        maxBytes: 1024 * 1024,
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'too_large',
      message: 'The file is larger than the 1 MB this server accepts.',
    });
  });

  it('refuses a page path that would leave the site', async () => {
    const failure = await api()
      .list('../../../../elsewhere')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfluenceError);
    expect(failure).toMatchObject({ kind: 'site_not_allowed' });
  });
});

describe('digest of a stored file', () => {
  const transport = () =>
    new ConfluenceTransport({
      baseUrl: `http://127.0.0.1:${port}/confluence`,
      credentials: { method: 'dc-pat', token: 't' },
      guard: { privateOk: true },
    });

  it('hashes 64 MiB as it streams, holding none of it', { timeout: 60_000 }, async () => {
    const expected = createHash('sha256');
    const chunk = Buffer.alloc(64 * 1024, 42);
    for (let i = 0; i < DOWNLOAD_CHUNKS; i++) expected.update(chunk);
    const memory = sampleLiveMemory();
    const digest = await transport().digest('download/big', 100 * 1024 * 1024);
    const peak = memory.stop();
    expect(digest).toEqual({ sha256: expected.digest('hex'), size: DOWNLOAD_CHUNKS * 64 * 1024 });
    // Holding the file would keep 64 MiB alive.
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops when the file is longer than the one it is compared with', async () => {
    const failure = await transport()
      .digest('download/big', 1024 * 1024)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'response_too_large' });
  });
});

describe('maxUploadBytes', () => {
  it('defaults to 100 MB and ignores nonsense', () => {
    expect(maxUploadBytes({})).toBe(100 * 1024 * 1024);
    expect(maxUploadBytes({ PAGEWRIGHT_MAX_UPLOAD_MB: 'lots' })).toBe(100 * 1024 * 1024);
    expect(maxUploadBytes({ PAGEWRIGHT_MAX_UPLOAD_MB: '2.5' })).toBe(2.5 * 1024 * 1024);
  });
});
