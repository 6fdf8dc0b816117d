import 'server-only';

import type { Logger } from 'pino';

import { clientAddress } from './client-address';
import { createClientWindowLimiter, type ClientWindowLimiter } from './client-window-limiter';

/**
 * POST /api/csp-report: browsers report Content Security Policy violations here (Reporting API
 * and the legacy `report-uri`). Anyone may post without a session, so everything is bounded:
 * the body (a report is a few hundred bytes), the reports each client may have logged per
 * minute (per address, so one client cannot use up another's), and what a log line holds (a
 * fixed set of fields, each cut short). Past a bound nothing is logged: 413 or 429.
 */
export const MAX_REPORT_BYTES = 16 * 1024;
export const REPORTS_PER_CLIENT_PER_MINUTE = 30;
const MAX_CLIENTS = 10_000;
const MAX_FIELD_LENGTH = 200;

/** Where the key of a client whose address is unknown (outside the production server) goes. */
const UNKNOWN_CLIENT = 'unknown';

const perClient: ClientWindowLimiter = createClientWindowLimiter({
  limit: REPORTS_PER_CLIENT_PER_MINUTE,
  windowMs: 60_000,
  maxClients: MAX_CLIENTS,
});

export async function handleCspReport(
  request: Request,
  log: Logger,
  limiter: ClientWindowLimiter = perClient,
): Promise<Response> {
  if (!limiter.take(clientAddress(request) ?? UNKNOWN_CLIENT)) {
    await request.body?.cancel().catch(() => {});
    return new Response(null, { status: 429, headers: { 'retry-after': '60' } });
  }
  const text = await readAtMost(request, MAX_REPORT_BYTES);
  if (text === null) return new Response(null, { status: 413 });
  const summary = summariseCspReport(text);
  if (summary)
    log.warn({ event: 'csp_violation', ...summary }, 'content security policy violation');
  else log.info({ event: 'csp_report_unreadable', bytes: text.length }, 'unreadable CSP report');
  return new Response(null, { status: 204 });
}

/** The body as text, or null when it is longer than `maxBytes` (reading stops there). */
export async function readAtMost(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface CspReportSummary {
  reports: number;
  documentUrl?: string;
  blockedUrl?: string;
  directive?: string;
  disposition?: string;
  sourceFile?: string;
  line?: number;
  column?: number;
}

/**
 * The fields worth a log line from either report format, and nothing else: a report is
 * attacker-written text, so no field is copied whole and no unknown field at all.
 */
export function summariseCspReport(text: string): CspReportSummary | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const bodies = (Array.isArray(parsed) ? parsed : [parsed])
    .map((entry) => reportBody(entry))
    .filter((body): body is Record<string, unknown> => body !== null);
  const first = bodies[0];
  if (!first) return null;
  const pick = (...names: string[]) => names.map((name) => first[name]).find((v) => v != null);
  return dropUndefined({
    reports: bodies.length,
    documentUrl: short(pick('documentURL', 'document-uri')),
    blockedUrl: short(pick('blockedURL', 'blocked-uri')),
    directive: short(pick('effectiveDirective', 'effective-directive', 'violated-directive')),
    disposition: short(pick('disposition')),
    sourceFile: short(pick('sourceFile', 'source-file')),
    line: count(pick('lineNumber', 'line-number')),
    column: count(pick('columnNumber', 'column-number')),
  });
}

/** Reporting API: `{ type: 'csp-violation', body: {…} }`; legacy: `{ 'csp-report': {…} }`. */
function reportBody(entry: unknown): Record<string, unknown> | null {
  if (!entry || typeof entry !== 'object') return null;
  const record = entry as Record<string, unknown>;
  const body = record.type === 'csp-violation' ? record.body : record['csp-report'];
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null;
}

function short(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Control characters and line breaks out: one report is one line, whatever it holds.
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').slice(0, MAX_FIELD_LENGTH);
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
