import {
  ACTION_DEADLINE_SECONDS,
  AppError,
  type AppErrorCode,
  type AppErrorDetails,
  type AppErrorDetailsByCode,
  isAppErrorCode,
  messageFor,
  type ReportedDiagnostic,
} from '@/lib/errors';

import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf-header';
import * as shape from './json-shape';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface FetchJsonOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** React Query passes its own so a cancelled query aborts the request. */
  signal?: AbortSignal;
  /**
   * How long a read waits before it fails with `upstream_timeout`. The server gives up on
   * Confluence at the action's deadline and says so; this is the backstop a few seconds later,
   * for an answer that never comes back through the network in between.
   */
  deadlineMs?: number;
}

/** Reads end by then whatever happens on the way: the server's deadline plus a margin. */
export const READ_DEADLINE_MS = (ACTION_DEADLINE_SECONDS + 4) * 1000;

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

  const deadlineMs = options.deadlineMs ?? (method === 'GET' ? READ_DEADLINE_MS : undefined);
  const deadline = deadlineMs === undefined ? undefined : AbortSignal.timeout(deadlineMs);
  const signals = [options.signal, deadline].filter((signal) => signal !== undefined);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      mode: 'same-origin',
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    // A cancelled request is not a failure to report: let React Query see the abort as such.
    if (options.signal?.aborted) throw error;
    if (deadline?.aborted) throw new AppError('upstream_timeout');
    throw new AppError(isOffline() ? 'offline' : 'confluence_unavailable');
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) {
    const error = appErrorFromBody(body);
    error.requestId = requestIdOf(body) ?? response.headers.get('x-request-id') ?? undefined;
    throw error;
  }
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

const diagnostic = shape.object<ReportedDiagnostic>({
  line: shape.number,
  column: shape.number,
  endLine: shape.optional(shape.number),
  endColumn: shape.optional(shape.number),
  message: shape.string,
  code: shape.optional(shape.string),
});

/** The shape of each code's details (lib/errors.ts), checked once here for every screen. */
const DETAILS: { [C in keyof AppErrorDetailsByCode]: shape.Reader<AppErrorDetailsByCode[C]> } = {
  version_conflict: shape.object({ currentVersion: shape.optional(shape.integer(1)) }),
  title_clash: shape.object({
    confluence: shape.string,
    suggestedTitle: shape.optional(shape.nullable(shape.string)),
    clash: shape.optional(
      shape.object({ id: shape.string, title: shape.string, status: shape.optional(shape.string) }),
    ),
  }),
  invalid_storage: shape.object({ diagnostics: shape.arrayOf(diagnostic) }),
  rate_limited: shape.object({
    retryAfterMs: shape.optional(shape.number),
    reason: shape.optional(shape.string),
  }),
  sign_in_throttled: shape.object({ retryAfterMs: shape.number }),
  csrf_rejected: shape.object({ reason: shape.string }),
  server_unavailable: shape.object({ cause: shape.string }),
  page_gone: shape.object({ minorEditUnavailable: shape.optional(shape.boolean) }),
  bad_request: shape.object({
    signInSite: shape.optional(shape.nullable(shape.string)),
    confluence: shape.optional(shape.string),
  }),
  too_large: shape.object({
    maxBytes: shape.optional(shape.number),
    confluence: shape.optional(shape.string),
  }),
  upstream_too_large: shape.object({ maxBytes: shape.optional(shape.number) }),
  confluence_error: shape.object({ status: shape.integer(500, 599) }),
};

function hasDetails(code: AppErrorCode): code is keyof AppErrorDetailsByCode {
  return Object.hasOwn(DETAILS, code);
}

/** The details as the code's type, or undefined when they do not fit it (or the code has none). */
function detailsFor(code: AppErrorCode, details: unknown): AppErrorDetails | undefined {
  if (details === undefined || !hasDetails(code)) return undefined;
  const checked = DETAILS[code](details);
  return checked === shape.INVALID ? undefined : checked;
}

/** The id the server logged the failure under, as its error body carries it. */
function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { requestId } = error as Record<string, unknown>;
  return typeof requestId === 'string' && /^[\w.:-]{1,128}$/.test(requestId)
    ? requestId
    : undefined;
}

/**
 * Rebuilds the server's error from a response body; anything unreadable becomes `internal`. Also
 * used by the attachment upload, which goes through XMLHttpRequest for its progress events.
 */
export function appErrorFromBody(body: unknown): AppError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      if (isAppErrorCode(code)) {
        return new AppError(
          code,
          typeof message === 'string' ? message : messageFor(code),
          detailsFor(code, details),
        );
      }
    }
  }
  return new AppError('internal');
}
