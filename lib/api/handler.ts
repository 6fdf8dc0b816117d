import 'server-only';

import { getIronSession, type IronSession } from 'iron-session';
import type { Logger } from 'pino';
import type { z } from 'zod';

import { createConfluenceClient, type ConfluenceClient } from '@/lib/confluence/client';
import { sessionNameStore } from '@/lib/confluence/name-cache';
import { siteConfigFromEnv } from '@/lib/confluence/site-config';
import { checkSiteUrl } from '@/lib/confluence/site-policy';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { requestIdOf } from '@/lib/log/request-id';
import { sessionOptions } from '@/lib/session/options';
import { liveSessionState } from '@/lib/session/revoked-sessions';
import { needsTouch, type SessionData } from '@/lib/session/session-data';

import { assertSameOrigin } from './csrf';
import { readJsonBody } from './json-body';
import { spendSessionBudget } from './session-rate-limit';
import { errorResponse, toAppError } from './to-app-error';

export type Session = IronSession<Partial<SessionData>>;

export interface HandlerContext<P> {
  request: Request;
  params: P;
  requestId: string;
  log: Logger;
  session: Session;
  /** The request's JSON body, validated: not JSON or not the schema's shape is a 400. */
  json<T>(schema: z.ZodType<T>): Promise<T>;
  /** The signed-in user's Confluence (routes with `requireSession`); else throws `not_signed_in`. */
  confluence(): ConfluenceClient;
}

interface HandlerOptions {
  /** State-changing: CSRF-checked (docs/security.md SESS-6). */
  mutating?: boolean;
  /** `file`: the body is an uploaded file, not JSON (still CSRF-checked by origin and header). */
  body?: 'json' | 'file';
  /** Reject with `not_signed_in` unless a valid session exists. */
  requireSession?: boolean;
}

/**
 * The one wrapper every route handler goes through: request id, session (idle and absolute
 * timeouts enforced here), CSRF, the Confluence client, and the only try/catch, which turns any
 * failure into `{ error: { code, message, details?, requestId } }`.
 */
export function handler<P = Record<string, never>>(
  fn: (context: HandlerContext<P>) => Promise<unknown>,
  options: HandlerOptions = {},
) {
  return async (request: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(request);
    const log = logger.child({
      requestId,
      method: request.method,
      path: new URL(request.url).pathname,
    });
    const cookies = new Response();
    // One client per request, made on first use and closed at the end.
    const opened: { client?: ConfluenceClient } = {};
    try {
      if (options.mutating) assertSameOrigin(request, process.env, options.body ?? 'json');
      const session = await openSession(request, cookies, log);
      // The revocation lookup may go to Redis: done once, and only where a session is needed.
      const signedIn = options.requireSession ? await enforceSession(session) : false;
      const params = (route ? await route.params : {}) as P;
      const result = await fn({
        request,
        params,
        requestId,
        log,
        session,
        json: (schema) => readJsonBody(request, schema),
        confluence: () => (opened.client ??= clientFor(session, signedIn)),
      });
      const response =
        result instanceof Response
          ? result
          : Response.json(result, { headers: { 'cache-control': 'no-store' } });
      return finish(response, cookies, requestId);
    } catch (error) {
      if (request.signal.aborted) {
        // The browser gave up (a superseded check or preview, a closed tab): nobody reads the
        // answer and nothing failed on our side, so it is not logged as an error.
        log.info({ event: 'client_aborted' }, 'request abandoned by the client');
        return finish(new Response(null, { status: 499 }), cookies, requestId);
      }
      const appError = toAppError(error);
      const level = appError.status >= 500 ? 'error' : 'warn';
      log[level](
        {
          event: SECURITY_EVENTS[appError.code],
          code: appError.code,
          kind: (error as { kind?: string }).kind,
          upstreamStatus: (error as { details?: { status?: number } }).details?.status,
          err: appError.code === 'internal' ? String(error) : undefined,
        },
        'request failed',
      );
      return finish(errorResponse(appError, requestId), cookies, requestId);
    } finally {
      void opened.client?.close();
    }
  };
}

/** Failures that are security events of their own (docs/security.md LOG-3), by error code. */
const SECURITY_EVENTS: Partial<Record<AppErrorCode, string>> = {
  csrf_rejected: 'csrf_rejected',
  sign_in_throttled: 'login_blocked',
  site_not_allowed: 'ssrf_blocked',
  version_conflict: 'save_conflict',
};

/**
 * The request's session. A cookie that does not open is a signed-out visitor and one
 * `session_unseal_failed` event (docs/security.md SESS-8), never with the cookie's value: iron-session
 * 8 returns an empty session for a tampered, foreign or expired seal, but throws on a malformed
 * one (`Fe26.2*1*a*b*c*d*e*f`); both end the same way.
 */
async function openSession(request: Request, cookies: Response, log: Logger): Promise<Session> {
  const config = sessionOptions();
  if (!hasCookie(request, config.cookieName)) {
    return getIronSession<Partial<SessionData>>(request, cookies, config);
  }
  let session: Session;
  try {
    session = await getIronSession<Partial<SessionData>>(request, cookies, config);
  } catch {
    session = await getIronSession<Partial<SessionData>>(
      withoutCookie(request, config.cookieName),
      cookies,
      config,
    );
  }
  if (!session.sid) {
    log.warn({ event: 'session_unseal_failed' }, 'session cookie could not be opened');
  }
  return session;
}

function cookieParts(request: Request): string[] {
  return (request.headers.get('cookie') ?? '').split(';').map((part) => part.trim());
}

function hasCookie(request: Request, name: string): boolean {
  return cookieParts(request).some((part) => part.startsWith(`${name}=`));
}

/** A stand-in for reading cookies only: the same headers without the named cookie. */
function withoutCookie(request: Request, name: string): Request {
  const headers = new Headers(request.headers);
  headers.set(
    'cookie',
    cookieParts(request)
      .filter((part) => part && !part.startsWith(`${name}=`))
      .join('; '),
  );
  return new Request(request.url, { headers });
}

async function enforceSession(session: Session): Promise<true> {
  const state = await liveSessionState(session);
  if (state !== 'valid') {
    if (state !== 'signed-out') session.destroy();
    throw new AppError(
      'not_signed_in',
      state === 'signed-out' ? undefined : 'Your session expired. Please sign in again.',
    );
  }
  // RATE-3: every request that may reach Confluence spends from the session's budget.
  await spendSessionBudget((session as SessionData).sid);
  if (needsTouch(session as SessionData)) {
    session.lastSeen = Date.now();
    await session.save();
  }
  return true;
}

function clientFor(session: Session, signedIn: boolean): ConfluenceClient {
  if (!signedIn) throw new AppError('not_signed_in');
  const data = session as SessionData;
  const checked = checkSiteUrl(data.site.baseUrl, siteConfigFromEnv().policy);
  if (!checked.ok) throw new AppError('site_not_allowed');
  return createConfluenceClient({
    baseUrl: checked.value.baseUrl,
    flavour: data.site.flavour,
    credentials: data.credentials,
    guard: { privateOk: checked.value.site.privateOk },
    names: sessionNameStore(data.sid, checked.value.baseUrl),
  });
}

/**
 * The request headers an answer depends on besides its URL (docs/security.md SESS-6): the CSRF check
 * refuses or accepts by them, so no cache may hand one's answer to the other. API answers are
 * `no-store` as well; this covers a cache that ignores that.
 */
const VARY_ON = ['Origin', 'Sec-Fetch-Site'];

function finish(response: Response, cookies: Response, requestId: string): Response {
  for (const cookie of cookies.headers.getSetCookie())
    response.headers.append('set-cookie', cookie);
  response.headers.set('x-request-id', requestId);
  response.headers.set('vary', withVary(response.headers.get('vary'), VARY_ON));
  return response;
}

/** `existing` plus each of `names` it does not list yet (header names compare case-insensitively). */
function withVary(existing: string | null, names: string[]): string {
  const listed = (existing ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (listed.includes('*')) return '*';
  const seen = new Set(listed.map((name) => name.toLowerCase()));
  return [...listed, ...names.filter((name) => !seen.has(name.toLowerCase()))].join(', ');
}
