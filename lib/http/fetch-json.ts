import * as z from 'zod/mini';

import {
  ACTION_DEADLINE_SECONDS,
  AppError,
  type AppErrorCode,
  type AppErrorDetails,
  type AppErrorDetailsByCode,
  isAppErrorCode,
  messageFor,
} from '@/lib/errors';

import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf-header';

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

// zod compiles object parsers with `new Function`, and merely probing for it is a violation the
// page's Trusted Types policy reports (docs/security.md XSS-9). The browser needs no compiled
// parsers for a few error details: it builds them without (before the schemas below exist).
if (typeof window !== 'undefined') z.config({ jitless: true });

// zod/mini, not zod's classic API: this module is in every route's first load (the session query
// uses it), and the classic API's methods carry the whole library (≈ 30 kB gzip, BENCHMARKS.md
// "First-load JS, round 2"); the same checks built from functions tree-shake to a few kB.
const optionalNumber = z.optional(z.number());
const optionalString = z.optional(z.string());

const diagnosticSchema = z.object({
  line: z.number(),
  column: z.number(),
  endLine: optionalNumber,
  endColumn: optionalNumber,
  message: z.string(),
  code: optionalString,
});

/** The shape of each code's details (lib/errors.ts), checked once here for every screen. */
const DETAILS_SCHEMAS: {
  [C in keyof AppErrorDetailsByCode]: z.ZodMiniType<AppErrorDetailsByCode[C]>;
} = {
  version_conflict: z.object({ currentVersion: z.optional(z.int().check(z.positive())) }),
  title_clash: z.object({
    confluence: z.string(),
    suggestedTitle: z.optional(z.nullable(z.string())),
    clash: z.optional(z.object({ id: z.string(), title: z.string(), status: optionalString })),
  }),
  invalid_storage: z.object({ diagnostics: z.array(diagnosticSchema) }),
  rate_limited: z.object({ retryAfterMs: optionalNumber, reason: optionalString }),
  sign_in_throttled: z.object({ retryAfterMs: z.number() }),
  csrf_rejected: z.object({ reason: z.string() }),
  server_unavailable: z.object({ cause: z.string() }),
  page_gone: z.object({ minorEditUnavailable: z.optional(z.boolean()) }),
  bad_request: z.object({
    signInSite: z.optional(z.nullable(z.string())),
    confluence: optionalString,
  }),
  too_large: z.object({ maxBytes: optionalNumber, confluence: optionalString }),
  upstream_too_large: z.object({ maxBytes: optionalNumber }),
  confluence_error: z.object({ status: z.int().check(z.gte(500), z.lte(599)) }),
};

function hasDetails(code: AppErrorCode): code is keyof AppErrorDetailsByCode {
  return Object.hasOwn(DETAILS_SCHEMAS, code);
}

/** The details as the code's type, or undefined when they do not fit it (or the code has none). */
function detailsFor(code: AppErrorCode, details: unknown): AppErrorDetails | undefined {
  if (details === undefined || !hasDetails(code)) return undefined;
  const parsed = DETAILS_SCHEMAS[code].safeParse(details);
  return parsed.success ? parsed.data : undefined;
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
