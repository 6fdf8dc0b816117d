import { AppError, appErrorFromBody } from '@/lib/errors';

import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf-header';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface FetchJsonOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** React Query passes its own so a cancelled query aborts the request. */
  signal?: AbortSignal;
}

/**
 * The browser's only way to call Pagewright's API. It speaks JSON both ways and turns every
 * failure into the same `AppError` the server threw, so screens react to a code and show the
 * message from lib/errors.ts, never copy of their own.
 *
 * Always same-origin: the path must be app-relative, and `mode: 'same-origin'` makes the browser
 * refuse anything else. Writes always carry `content-type: application/json` and `X-CFE-CSRF: 1`,
 * both of which the server's CSRF check requires (docs/security.md SESS-6): a cross-site page can send
 * neither without a preflight, which the app never answers.
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(`fetchJson only calls the app's own API, not "${path}"`);
  }
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      mode: 'same-origin',
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    // A cancelled request is not a failure to report: let React Query see the abort as such.
    if (options.signal?.aborted) throw error;
    throw new AppError(isOffline() ? 'offline' : 'confluence_unavailable');
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) throw appErrorFromBody(body);
  if (body === undefined) throw new AppError('internal');
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    // Not JSON (a proxy's HTML error page, a truncated body): the caller decides what that means.
    return undefined;
  }
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
