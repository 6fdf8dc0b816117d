import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppError, messageFor } from '@/lib/errors';

import { CSRF_HEADERS } from './csrf-header';
import { fetchJson } from './fetch-json';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function stubFetch(answer: () => Promise<Response>) {
  const mock = vi.fn<typeof fetch>(answer);
  vi.stubGlobal('fetch', mock);
  return mock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the parsed body of a successful GET, same-origin, without a content type', async () => {
    const mock = stubFetch(async () => jsonResponse(200, { id: '42' }));
    await expect(fetchJson('/api/pages/resolve?url=42')).resolves.toEqual({ id: '42' });
    const [url, init] = mock.mock.calls[0]!;
    expect(url).toBe('/api/pages/resolve?url=42');
    expect(init).toMatchObject({ method: 'GET', mode: 'same-origin', credentials: 'same-origin' });
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toEqual({ accept: 'application/json' });
  });

  it('sends writes as JSON with content-type application/json and X-CFE-CSRF: 1', async () => {
    const mock = stubFetch(async () => jsonResponse(200, { session: null }));
    await fetchJson('/api/session', { method: 'POST', body: { method: 'dc-pat', token: 't' } });
    const init = mock.mock.calls[0]![1]!;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-cfe-csrf': '1',
    });
    expect(init.body).toBe('{"method":"dc-pat","token":"t"}');
  });

  it.each(['PUT', 'DELETE'] as const)('marks a %s with the CSRF header too', async (method) => {
    const mock = stubFetch(async () => jsonResponse(200, {}));
    await fetchJson('/api/pages/1', { method, body: method === 'PUT' ? {} : undefined });
    expect(mock.mock.calls[0]![1]!.headers).toMatchObject(CSRF_HEADERS);
  });

  it('sends content-type and the CSRF header on a bodiless DELETE, and returns undefined for 204', async () => {
    const mock = stubFetch(async () => new Response(null, { status: 204 }));
    await expect(fetchJson('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
    expect(mock.mock.calls[0]![1]!.headers).toMatchObject({
      'content-type': 'application/json',
      ...CSRF_HEADERS,
    });
  });

  it('rebuilds the server error as an AppError with its code, message and typed details', async () => {
    stubFetch(async () =>
      jsonResponse(409, {
        error: {
          code: 'version_conflict',
          message: 'Someone else saved this page after you opened it.',
          details: { currentVersion: 7 },
          requestId: 'abc12345',
        },
      }),
    );
    const error = await fetchJson('/api/pages/1', { method: 'PUT', body: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'version_conflict',
      message: 'Someone else saved this page after you opened it.',
      details: { currentVersion: 7 },
    });
  });

  it('keeps the diagnostics of invalid_storage and the free title of title_clash', async () => {
    const diagnostics = [
      { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'm', code: 'unclosed_tag' },
      { line: 3, column: 1, message: 'Confluence says no' },
    ];
    stubFetch(async () =>
      jsonResponse(422, {
        error: { code: 'invalid_storage', message: 'm', details: { diagnostics } },
      }),
    );
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ details: { diagnostics } });
    const clash = {
      confluence: 'A page with this title already exists',
      suggestedTitle: 'Roadmap (2)',
    };
    stubFetch(async () =>
      jsonResponse(409, { error: { code: 'title_clash', message: 'm', details: clash } }),
    );
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ details: clash });
  });

  it.each([
    ['version_conflict', { currentVersion: 'seven' }],
    ['version_conflict', { currentVersion: 0 }],
    ['version_conflict', { currentVersion: 7.5 }],
    ['confluence_error', { status: 404 }],
    ['invalid_storage', { diagnostics: [{ line: 'a', column: 1, message: 'm' }] }],
    ['invalid_storage', { diagnostics: { line: 1, column: 1, message: 'm' } }],
    ['invalid_storage', 'line 1'],
    ['title_clash', { suggestedTitle: 'Roadmap (2)' }],
    ['rate_limited', { retryAfterMs: '5000' }],
    ['sign_in_throttled', null],
  ])(
    'drops %s details that do not fit the code (%j), keeping code and message',
    async (code, details) => {
      stubFetch(async () => jsonResponse(400, { error: { code, message: 'Kept.', details } }));
      const error = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe(code);
      expect(error.message).toBe('Kept.');
      expect(error.details).toBeUndefined();
    },
  );

  it('drops details sent with a code that carries none', async () => {
    stubFetch(async () =>
      jsonResponse(400, {
        error: { code: 'confluence_forbidden', message: 'm', details: { field: 'url' } },
      }),
    );
    const error = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
    expect(error).toMatchObject({ code: 'confluence_forbidden', message: 'm' });
    expect(error.details).toBeUndefined();
  });

  it('falls back to the code’s own message when the server sent none', async () => {
    stubFetch(async () => jsonResponse(403, { error: { code: 'confluence_forbidden' } }));
    await expect(fetchJson('/api/x')).rejects.toMatchObject({
      message: messageFor('confluence_forbidden'),
    });
  });

  it('keeps transient codes transient (server_unavailable) and others not (sign_in_failed)', async () => {
    stubFetch(async () =>
      jsonResponse(503, { error: { code: 'server_unavailable', message: 'm' } }),
    );
    const restarting = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
    expect(restarting.transient).toBe(true);
    stubFetch(async () => jsonResponse(401, { error: { code: 'sign_in_failed', message: 'm' } }));
    const failed = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
    expect(failed.transient).toBe(false);
  });

  it('turns a non-JSON error page into internal', async () => {
    stubFetch(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ code: 'internal' });
  });

  it('turns a non-JSON success into internal rather than returning garbage', async () => {
    stubFetch(async () => new Response('<html>login</html>', { status: 200 }));
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ code: 'internal' });
  });

  it('maps a network failure to confluence_unavailable while online', async () => {
    vi.stubGlobal('navigator', { onLine: true });
    stubFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await fetchJson('/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'confluence_unavailable' });
  });

  it('keeps the request id the server logged the failure under', async () => {
    stubFetch(async () =>
      jsonResponse(502, {
        error: {
          code: 'confluence_error',
          message: 'Confluence answered with a server error (HTTP 500).',
          details: { status: 500 },
          requestId: 'req-12345678',
        },
      }),
    );
    const error = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
    expect(error).toMatchObject({
      code: 'confluence_error',
      details: { status: 500 },
      requestId: 'req-12345678',
    });
  });

  it('takes the request id from the x-request-id header when the body has none', async () => {
    stubFetch(
      async () =>
        new Response(JSON.stringify({ error: { code: 'internal', message: 'm' } }), {
          status: 500,
          headers: { 'content-type': 'application/json', 'x-request-id': 'hdr-87654321' },
        }),
    );
    const error = (await fetchJson('/api/x').catch((caught: unknown) => caught)) as AppError;
    expect(error.requestId).toBe('hdr-87654321');
  });

  it('ends a read that outlasts its deadline with upstream_timeout', async () => {
    stubFetch(
      (async (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        })) as never,
    );
    await expect(fetchJson('/api/x', { deadlineMs: 20 })).rejects.toMatchObject({
      code: 'upstream_timeout',
      message: messageFor('upstream_timeout'),
    });
  });

  it('maps a network failure to offline when the browser says it is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    stubFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ code: 'offline' });
  });

  it('passes an abort through untouched so React Query sees a cancellation', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    stubFetch(async () => {
      controller.abort();
      return Promise.reject(abort);
    });
    await expect(fetchJson('/api/x', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('refuses anything but an app-relative path', async () => {
    const mock = stubFetch(async () => jsonResponse(200, {}));
    await expect(fetchJson('https://evil.test/api')).rejects.toThrow(TypeError);
    await expect(fetchJson('//evil.test/api')).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });
});
