// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by `node` with no bundler */
'use strict';

/**
 * The production entry point: what `npm start` and the Docker image's CMD run. It lives next to
 * Next's standalone `server.js` (lib/server/assemble-standalone.js puts it there) and serves the
 * same app through Next's documented custom-server API, adding what a deployment needs:
 *
 * - Graceful shutdown. On SIGTERM or SIGINT, requests already running (a slow save to Confluence)
 *   finish; every new request gets 503 `server_unavailable` with `connection: close`, so a load
 *   balancer moves on; the process exits once nothing is in flight, or after
 *   PAGEWRIGHT_SHUTDOWN_GRACE_MS (default 25 s; give the orchestrator a longer stop timeout).
 * - A request id on every request (the caller's `x-request-id` when well-formed, else a fresh
 *   one), passed to the app and returned in the response, and one JSON access-log line per
 *   request carrying it, so a user's "it failed at 10:42, request id …" is one grep away.
 * - `x-pagewright-instance` on every response when PAGEWRIGHT_INSTANCE_ID is set (which instance
 *   behind the balancer answered).
 * - The client's address, which Next's route handlers cannot see: the socket's remote address
 *   goes to the app in `x-pagewright-socket-address` as `<token> <address>` (any copy the
 *   client sent is deleted first). The token is random per process and reaches the app, which
 *   runs in this process, through PAGEWRIGHT_SOCKET_ADDRESS_TOKEN, so the app believes the
 *   header only behind this server (lib/api/client-address.ts). Sign-in throttling keys on it.
 *
 * Plain CommonJS on purpose: the image runs `node` on it with nothing but the standalone output.
 */
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync, readdirSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const REQUEST_ID = /^[\w-]{8,64}$/;
const SOCKET_ADDRESS_HEADER = 'x-pagewright-socket-address';
const socketAddressToken = randomBytes(32).toString('hex');
process.env.PAGEWRIGHT_SOCKET_ADDRESS_TOKEN = socketAddressToken;
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

const dir = __dirname;
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const instanceId = process.env.PAGEWRIGHT_INSTANCE_ID || '';
const graceMs = Number(process.env.PAGEWRIGHT_SHUTDOWN_GRACE_MS || 25_000);
const levelName = /** @type {keyof typeof LEVELS} */ (process.env.LOG_LEVEL || 'info');
const minLevel = LEVELS[levelName] ?? LEVELS.info;

/** The same JSON line shape as lib/log/logger.ts (pino), without needing pino here. */
function log(level, fields, msg) {
  if (LEVELS[level] < minLevel) return;
  const line = {
    level: LEVELS[level],
    time: new Date().toISOString(),
    pid: process.pid,
    service: 'pagewright',
    ...(instanceId ? { instance: instanceId } : {}),
    ...fields,
    msg,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The build's config as `next build` recorded it: the standalone server needs no next.config.js. */
function findRequiredServerFiles() {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('.next')) continue;
    const file = path.join(dir, entry.name, 'required-server-files.json');
    if (existsSync(file)) return file;
  }
  throw new Error(
    `No Next build next to ${__filename}: run \`npm run build\`, then \`npm start\` (or build the Docker image).`,
  );
}

/**
 * The app's start-up checks (instrumentation.ts: the session secret, the data folder). A
 * production Next server runs them on its first request only; run them before listening, so a
 * misconfigured server exits with the reason instead of answering 500. Next remembers they ran.
 */
async function runStartupChecks(distDir) {
  const {
    ensureInstrumentationRegistered,
  } = require('next/dist/server/lib/router-utils/instrumentation-globals.external.js');
  await ensureInstrumentationRegistered(dir, distDir);
}

/** The path only: query strings may carry user input. */
function pathOf(url) {
  return (url || '').split('?')[0];
}

function unavailable(res, requestId) {
  const body = JSON.stringify({
    error: {
      code: 'server_unavailable',
      message: 'Pagewright is restarting or cannot reach its session store. Try again in a moment.',
      requestId,
    },
  });
  res.writeHead(503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'retry-after': '1',
    connection: 'close',
  });
  res.end(body);
}

async function main() {
  const { config } = require(findRequiredServerFiles());
  process.env.NODE_ENV = 'production';
  // What Next's own standalone server.js does before loading Next: no next.config.js at runtime.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  process.chdir(dir);
  const next = require('next');
  const app = next({ dev: false, dir, hostname: host, port, conf: config });
  const handle = app.getRequestHandler();
  await app.prepare();
  await runStartupChecks(config.distDir);

  let inFlight = 0;
  let draining = false;
  /** @type {(() => void) | null} */
  let onIdle = null;

  const server = http.createServer((req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = requestId;
    delete req.headers[SOCKET_ADDRESS_HEADER];
    req.headers[SOCKET_ADDRESS_HEADER] = `${socketAddressToken} ${req.socket.remoteAddress ?? ''}`;
    res.setHeader('x-request-id', requestId);
    if (instanceId) res.setHeader('x-pagewright-instance', instanceId);
    if (draining) {
      log(
        'info',
        { requestId, method: req.method, path: pathOf(req.url), status: 503 },
        'refused: shutting down',
      );
      unavailable(res, requestId);
      return;
    }
    const started = process.hrtime.bigint();
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log(
        'info',
        {
          requestId,
          method: req.method,
          path: pathOf(req.url),
          status: res.statusCode,
          durationMs: Math.round(durationMs),
        },
        'request',
      );
      if (draining && inFlight === 0 && onIdle) onIdle();
    });
    handle(req, res).catch((error) => {
      log('error', { requestId, err: String(error) }, 'unhandled error');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'internal',
            message: 'Something went wrong on the Pagewright server. Your text is safe.',
            requestId,
          },
        }),
      );
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  log('info', { url: `http://${host}:${port}`, event: 'listening' }, 'Pagewright is listening');
  // Test harnesses wait for this exact line (a machine-readable "ready").
  if (process.send) process.send({ event: 'listening', port });

  function shutdown(signal) {
    if (draining) return;
    draining = true;
    log('info', { event: 'shutdown', signal, inFlight }, 'draining: finishing requests in flight');
    const finish = (reason) => {
      log('info', { event: 'stopped', reason, inFlight }, 'stopped');
      server.close();
      server.closeAllConnections();
      Promise.resolve(app.close?.())
        .catch(() => {})
        .finally(() => process.exit(0));
    };
    const timer = setTimeout(() => finish('grace period over'), graceMs);
    timer.unref();
    onIdle = () => {
      clearTimeout(timer);
      finish('drained');
    };
    if (inFlight === 0) onIdle();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  log('fatal', { err: error instanceof Error ? error.message : String(error) }, 'could not start');
  process.exit(1);
});
