import type { IncomingMessage, ServerResponse } from 'node:http';

import { downloadAttachment } from './api/download';
import {
  ATTACHMENT_TOO_LARGE,
  registerV1AttachmentUploads,
  requestLimitFor,
} from './api/v1-attachments-upload';
import { registerV1Content } from './api/v1-content';
import { registerV1Labels, registerV2Labels } from './api/v1-labels';
import { registerV1Misc } from './api/v1-misc';
import { registerV1PageCreate, registerV2PageCreate } from './api/page-create';
import { registerV1Search } from './api/v1-search';
import { registerV2Operations } from './api/operations';
import { registerV1Restrictions } from './api/restrictions';
import { registerV1Users, registerV2Users } from './api/users';
import { serveStaticResource } from './api/static-resources';
import { registerV2 } from './api/v2-pages';
import { registerV2Folders } from './api/v2-folders';
import { authenticate, NOT_AUTHENTICATED_MESSAGE, sendCredentialsRejected } from './http/auth';
import type { RequestContext } from './http/context';
import { sendV1Error, sendV2Error } from './http/errors';
import { resolveMount } from './http/mounts';
import { MAX_REQUEST_BYTES } from './http/request-body';
import { sendJson, sendText } from './http/respond';
import { Router } from './http/router';
import type { FaultAction, FaultEngine } from './faults';
import { redactUrl, type RequestLog } from './request-log';
import type { EmulatorStore } from './store/store';

const v1Router = new Router();
registerV1Misc(v1Router);
registerV1Users(v1Router);
registerV1Content(v1Router);
registerV1Labels(v1Router);
registerV1AttachmentUploads(v1Router);
registerV1Search(v1Router);
registerV1PageCreate(v1Router);
registerV1Restrictions(v1Router);
const v2Router = new Router();
registerV2(v2Router);
registerV2Folders(v2Router);
registerV2Operations(v2Router);
registerV2Users(v2Router);
registerV2Labels(v2Router);
registerV2PageCreate(v2Router);

/** Paths that answer without credentials (as Confluence does with anonymous access). */
const ANONYMOUS_OK = /^\/user\/(current|anonymous)$/;

export interface AppDeps {
  store: EmulatorStore;
  faults: FaultEngine;
  log: RequestLog;
  admin: (req: IncomingMessage, res: ServerResponse, path: string, body: Buffer) => Promise<void>;
  logLine: (line: string) => void;
}

/** Handles one HTTP request: mount, body, auth, faults, routing, logging. */
export async function handleRequest(
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const mount = resolveMount(url.pathname);
  const limit = requestLimitFor(url.pathname, MAX_REQUEST_BYTES);
  const body = await readBody(
    req,
    limit,
    limit === MAX_REQUEST_BYTES
      ? 0
      : deps.faults.uploadBytesPerSecond(url.pathname, req.method ?? 'GET'),
  );
  if (mount?.kind === 'admin') return deps.admin(req, res, mount.rest, body ?? Buffer.alloc(0));
  if (!mount) return sendText(res, 404, 'Not Found (no Confluence API at this path)\n');
  if (mount.kind === 'static') return serveStaticResource(res, mount.rest);

  const base = `http://${req.headers.host ?? '127.0.0.1'}${mount.context}`;
  const auth = authenticate(req.headers.authorization, mount.flavour, deps.store.users());
  const ctx: RequestContext = {
    req,
    res,
    method: req.method ?? 'GET',
    path: mount.rest,
    query: url.searchParams,
    flavour: mount.flavour,
    api: mount.kind === 'v2' ? 'v2' : 'v1',
    base,
    context: mount.context,
    user: auth.kind === 'user' ? auth.user : null,
    store: deps.store,
    rawBody: body ?? Buffer.alloc(0),
    saveFault: 'none',
  };
  let fault: FaultAction = { kind: 'none' };
  res.on('finish', () => {
    deps.log.add({
      at: new Date(started).toISOString(),
      method: ctx.method,
      url: redactUrl(req.url ?? '/'),
      status: res.statusCode,
      user: ctx.user?.username ?? null,
      auth: auth.kind === 'user' ? auth.scheme : null,
      durationMs: Date.now() - started,
      ...(fault.kind !== 'none' ? { fault: fault.kind } : {}),
    });
  });

  const latency = deps.faults.latencyMs(url.pathname, ctx.method);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  fault = deps.faults.next(url.pathname, ctx.method);
  if (fault.kind === 'hang') return;
  if (fault.kind === 'reset') return void req.socket.destroy();
  if (fault.kind === 'rate-limit') return sendRateLimited(ctx, fault.retryAfterSeconds);
  if (fault.kind === 'server-error') return sendServerError(ctx, fault.status);
  if (fault.kind === 'forbidden') return sendForbidden(ctx);

  if (body === null) return sendTooLarge(ctx, limit);
  if (auth.kind === 'rejected') return sendCredentialsRejected(res, mount.flavour, auth.scheme);
  if (!ctx.user && !(ctx.api === 'v1' && ANONYMOUS_OK.test(ctx.path)))
    return sendNotAuthenticated(ctx);
  if (mount.kind === 'download') return downloadAttachment(ctx);
  if (
    ctx.flavour === 'cloud' &&
    ctx.api === 'v1' &&
    deps.faults.cloudV1Gone() &&
    /^\/content(\/|$)/.test(ctx.path) &&
    ctx.path !== '/content/search' &&
    // Restrictions have no v2 equivalent: Cloud still serves them on v1.
    !/^\/content\/[^/]+\/restriction\b/.test(ctx.path) &&
    !(ctx.method !== 'GET' && /^\/content\/[^/]+\/(label|child\/attachment)\b/.test(ctx.path))
  ) {
    return sendGone(ctx);
  }

  const match = (ctx.api === 'v2' ? v2Router : v1Router).match(ctx.method, ctx.path);
  if (match === null) return notFoundRoute(ctx);
  if (match === 'method-not-allowed') return sendText(res, 405, 'Method Not Allowed\n');
  if (ctx.method === 'PUT') ctx.saveFault = deps.faults.nextSaveFault(url.pathname, ctx.method);
  try {
    await match.handler(ctx, match.params);
  } catch (error) {
    deps.logLine(
      `emulator: ${ctx.method} ${ctx.path} failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
    if (!res.headersSent) sendServerError(ctx, 500);
  }
}

/**
 * Reads the body; null when it exceeds `limit` (the rest is drained). With `bytesPerSecond`,
 * reading waits whenever it is ahead of that rate: the wait holds the next chunk back, so the
 * sender feels it as backpressure.
 */
async function readBody(
  req: IncomingMessage,
  limit: number,
  bytesPerSecond = 0,
): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const started = Date.now();
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    const ahead = bytesPerSecond > 0 ? (size / bytesPerSecond) * 1000 - (Date.now() - started) : 0;
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function notFoundRoute(ctx: RequestContext): void {
  if (ctx.api === 'v2') return sendV2Error(ctx, 404, 'NOT_FOUND', 'No endpoint at this path');
  sendV1Error(ctx, 404, `null for uri: ${ctx.base}/rest/api${ctx.path}`);
}

function sendNotAuthenticated(ctx: RequestContext): void {
  if (ctx.api === 'v2') return sendV2Error(ctx, 401, 'UNAUTHORIZED', 'Unauthorized');
  sendV1Error(ctx, 401, NOT_AUTHENTICATED_MESSAGE);
}

function sendTooLarge(ctx: RequestContext, limit: number): void {
  if (limit !== MAX_REQUEST_BYTES) return sendV1Error(ctx, 413, ATTACHMENT_TOO_LARGE);
  if (ctx.api === 'v2')
    return sendV2Error(
      ctx,
      413,
      'REQUEST_ENTITY_TOO_LARGE',
      'Request is too large in size (over 5 MB)',
    );
  sendV1Error(ctx, 413, `Requests for this resource can be at most ${MAX_REQUEST_BYTES} bytes`);
}

function sendGone(ctx: RequestContext): void {
  ctx.res.setHeader('Deprecation', 'Wed, 1 Mar 2023 00:00:00 GMT');
  ctx.res.setHeader(
    'Warning',
    '299 - "Deprecated API, will be removed on Mon, 31 Mar 2025 00:00:00 GMT"',
  );
  ctx.res.setHeader(
    'Link',
    '<https://developer.atlassian.com/cloud/confluence/changelog/#CHANGE-864>; rel="deprecation"',
  );
  sendV1Error(ctx, 410, 'This deprecated endpoint has been removed.');
}

function sendRateLimited(ctx: RequestContext, retryAfterSeconds: number): void {
  const reset = new Date(Date.now() + retryAfterSeconds * 1000).toISOString().slice(0, 16) + 'Z';
  sendJson(
    ctx.res,
    429,
    ctx.api === 'v2'
      ? {
          errors: [
            { status: 429, code: 'TOO_MANY_REQUESTS', title: 'Rate limit exceeded', detail: null },
          ],
        }
      : { statusCode: 429, message: 'Rate limit exceeded' },
    {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': reset,
      'X-RateLimit-NearLimit': 'true',
    },
  );
}

const FORBIDDEN_MESSAGE = 'Current user not permitted to use Confluence';

/** The 403 of a user who may not see the content (docs/confluence-api.md §2.3), per API. */
function sendForbidden(ctx: RequestContext): void {
  if (ctx.api === 'v2') return sendV2Error(ctx, 403, 'PERMISSION_DENIED', FORBIDDEN_MESSAGE);
  sendV1Error(ctx, 403, FORBIDDEN_MESSAGE);
}

function sendServerError(ctx: RequestContext, status: number): void {
  if (status === 500) {
    if (ctx.api === 'v2')
      return sendV2Error(ctx, 500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
    return sendV1Error(
      ctx,
      500,
      'java.lang.RuntimeException: Internal server error (simulated by the emulator)',
      'ServiceException',
    );
  }
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': '1' } : {};
  sendText(
    ctx.res,
    status,
    `<html><body><h1>${status}</h1><p>Simulated by the emulator.</p></body></html>`,
    'text/html',
    headers,
  );
}
