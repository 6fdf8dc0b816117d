import type { StoragePosition } from '@/lib/storage-format/confluence-parse-error';

/**
 * Everything Confluence can answer instead of what we asked for, as typed errors. One mapper
 * (`confluenceErrorFromResponse`) reads status, headers and body — Cloud v1/v2 and Data Center
 * shapes, Java-exception prefixes included — so no caller ever matches a message string itself.
 * Errors carry a redacted request: never an Authorization header or a cookie (octokit's rule).
 */

export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

const SECRET_HEADERS = new Set([
  'authorization',
  'cookie',
  'proxy-authorization',
  'x-atlassian-token',
]);

export function redactRequest(
  method: string,
  url: string,
  headers: HeadersInit = {},
): RedactedRequest {
  const clean: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    clean[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[REDACTED]' : value;
  });
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/token|secret|password|signature/i.test(key)) parsed.searchParams.set(key, '[REDACTED]');
  }
  return { method, url: parsed.toString(), headers: clean };
}

export type ConfluenceErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'title_clash'
  | 'invalid_storage'
  | 'bad_request'
  | 'rate_limited'
  | 'gone'
  /** Confluence refused what we sent as too large (HTTP 413). */
  | 'too_large'
  /** Confluence's answer was larger than Pagewright reads (GuardOptions.maxBytes). */
  | 'response_too_large'
  | 'server_error'
  | 'unexpected_response'
  | 'site_not_allowed';

export class ConfluenceError extends Error {
  override readonly name = 'ConfluenceError';

  constructor(
    readonly kind: ConfluenceErrorKind,
    message: string,
    readonly details: {
      status?: number;
      request?: RedactedRequest;
      /** 409: the version Confluence has now. */
      currentVersion?: number;
      /** 429/503: how long Confluence asked us to wait. */
      retryAfterMs?: number;
      /** 400 "Error parsing xhtml": where, in body coordinates. */
      storagePosition?: StoragePosition;
      /** Body excerpt for server logs only; never sent to the browser. */
      upstreamExcerpt?: string;
      transient?: boolean;
      /** `response_too_large`: the most Pagewright reads of one answer, in bytes. */
      maxBytes?: number;
      /** `timeout`: the deadline that passed, in milliseconds. */
      deadlineMs?: number;
    } = {},
  ) {
    super(message);
  }
}

export function isConfluenceError(value: unknown): value is ConfluenceError {
  return value instanceof ConfluenceError;
}

/**
 * Columns on line 1 of Confluence's `[row,col]` include its wrapper element: a real Cloud answer
 * put a body's column 45 at 405. Later lines are the body's own.
 */
export const CONFLUENCE_WRAPPER_COLUMNS = 360;

const JAVA_PREFIX = /^(?:[a-z]+\.)+[A-Za-z]+(?:Exception|Error): /;

/** Strips `com.atlassian….BadRequestException: ` prefixes (possibly nested). */
export function stripJavaPrefix(message: string): string {
  let text = message.trim();
  while (JAVA_PREFIX.test(text)) text = text.replace(JAVA_PREFIX, '');
  return text;
}

export function parseStoragePosition(message: string): StoragePosition | null {
  const text = stripJavaPrefix(message);
  const at = /\s*at \[row,col(?: \{unknown-source\})?\]: \[(\d+),(\d+)\]\s*$/.exec(text);
  if (!text.startsWith('Error parsing xhtml')) return null;
  const parserMessage = text
    .slice(0, at ? at.index : undefined)
    .replace(/^Error parsing xhtml:?\s*/, '')
    .trim();
  if (!at) return { line: 0, column: 0, parserMessage };
  const line = Number(at[1]);
  const rawColumn = Number(at[2]);
  const column = line === 1 ? Math.max(1, rawColumn - CONFLUENCE_WRAPPER_COLUMNS) : rawColumn;
  return { line, column, parserMessage };
}

/** v1: "Current version is: 5"; v2: "Current Version: [6]". */
export function parseCurrentVersion(message: string): number | undefined {
  const match = /Current [Vv]ersion(?: is)?:\s*\[?(\d+)\]?/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** `Retry-After` is seconds or an HTTP date; DC may send Long.MAX for a blocked user. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds)
      ? Math.min(seconds * 1000, 24 * 3600 * 1000)
      : 24 * 3600 * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The human message inside any of Confluence's error bodies (v1, v2, plain text, HTML). */
export function upstreamMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      if (typeof record.message === 'string') return record.message;
      const errors = record.errors;
      if (Array.isArray(errors) && errors[0] && typeof errors[0] === 'object') {
        const first = errors[0] as Record<string, unknown>;
        if (typeof first.title === 'string') return first.title;
        if (typeof first.detail === 'string') return first.detail;
      }
    }
  } catch {
    // not JSON: plain text or an HTML error page
  }
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}

export function confluenceErrorFromResponse(
  status: number,
  headers: Headers,
  body: string,
  request?: RedactedRequest,
): ConfluenceError {
  const raw = upstreamMessage(body);
  const message = stripJavaPrefix(raw);
  const base = { status, request, upstreamExcerpt: body.slice(0, 2000) };
  switch (true) {
    case status === 401:
      return new ConfluenceError('unauthorized', message || 'Unauthorized', base);
    case status === 403:
      return new ConfluenceError('forbidden', message || 'Forbidden', base);
    case status === 404:
      return new ConfluenceError('not_found', message || 'Not found', base);
    case status === 409:
      return new ConfluenceError('version_conflict', message, {
        ...base,
        currentVersion: parseCurrentVersion(message),
      });
    case status === 410:
      return new ConfluenceError('gone', message, base);
    case status === 413:
      return new ConfluenceError('too_large', message, base);
    case status === 429:
      return new ConfluenceError('rate_limited', message || 'Too many requests', {
        ...base,
        retryAfterMs: parseRetryAfter(headers.get('retry-after')),
        transient: true,
      });
    case status === 400 && message.includes('A page with this title already exists'):
      return new ConfluenceError('title_clash', message, base);
    case status === 400 && message.startsWith('Error parsing xhtml'):
      return new ConfluenceError('invalid_storage', message, {
        ...base,
        storagePosition: parseStoragePosition(message) ?? undefined,
      });
    case status === 400 && message.includes('Version must be incremented'):
      return new ConfluenceError('version_conflict', message, {
        ...base,
        currentVersion: parseCurrentVersion(message),
      });
    case status >= 400 && status < 500:
      return new ConfluenceError('bad_request', message, base);
    default:
      return new ConfluenceError('server_error', message || `HTTP ${status}`, {
        ...base,
        retryAfterMs: parseRetryAfter(headers.get('retry-after')),
        transient: status === 502 || status === 503 || status === 504,
      });
  }
}
