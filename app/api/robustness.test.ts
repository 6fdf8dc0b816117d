import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { sealData } from 'iron-session';
import { beforeAll, describe, expect, it } from 'vitest';

import { captureLogLinesPerFile } from '@/lib/log/testing/capture-log-lines';

import {
  APP,
  DEMO_DC_PASSWORD,
  json,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/**
 * Input no client of ours sends, on every route handler under app/api (found on disk, so a new
 * route is covered without being listed): a malformed session seal and a body that is not JSON.
 * Each is the caller's fault and gets a 4xx that says so, never a 500.
 */
const COOKIE = 'pagewright_session';
const MALFORMED_SEAL = 'Fe26.2*1*a*b*c*d*e*f';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const PARAMS = { id: '9470040', filename: 'diagram.png', version: '1' };

type RouteHandler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;
interface Route {
  path: string;
  method: (typeof METHODS)[number];
  call: RouteHandler;
}

const routes: Route[] = [];
startDemoEmulatorPerFile();
const lines = captureLogLinesPerFile('debug');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

beforeAll(async () => {
  for (const file of routeFiles(__dirname).sort()) {
    const handlers = (await import(file)) as Partial<Record<string, RouteHandler>>;
    const path = `/api/${relative(__dirname, file).replace(/\/?route\.ts$/, '')}`;
    for (const method of METHODS) {
      const call = handlers[method];
      if (call) routes.push({ path, method, call });
    }
  }
});

function request(route: Route, cookie: string, body?: string): Promise<Response> {
  const url = route.path
    .replace('[id]', PARAMS.id)
    .replace('[filename]', PARAMS.filename)
    .replace('[version]', PARAMS.version);
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  return route.call(
    new Request(`${APP}${url}`, {
      method: route.method,
      headers: { ...json, cookie },
      body: hasBody ? (body ?? '{}') : undefined,
    }),
    { params: Promise.resolve(PARAMS) },
  );
}

async function answer(response: Response) {
  const text = await response.text();
  const code = text.startsWith('{') ? (JSON.parse(text) as { error?: { code?: string } }) : null;
  return { status: response.status, code: code?.error?.code };
}

const unsealFailures = () => lines.filter((line) => line.event === 'session_unseal_failed').length;

describe('a malformed session seal', () => {
  it('is answered like any other cookie that does not open, on every route', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(14);
    // A well-formed seal under another secret: iron-session opens it to an empty session.
    const foreign = await sealData({ sid: 'x' }, { password: 'f'.repeat(40) });
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      lines.length = 0;
      const tampered = await answer(await request(route, `${COOKIE}=${foreign}`));
      const tamperedEvents = unsealFailures();
      lines.length = 0;
      const malformed = await answer(await request(route, `${COOKIE}=${MALFORMED_SEAL}`));
      expect(malformed, name).toEqual(tampered);
      expect(malformed.status, name).toBeLessThan(500);
      expect(unsealFailures(), name).toBe(tamperedEvents);
      expect(JSON.stringify(lines), name).not.toContain(MALFORMED_SEAL);
    }
  });

  it('gives 401 and one session_unseal_failed event where a session is needed', async () => {
    const page = routes.find((route) => route.path === '/api/pages/[id]' && route.method === 'GET');
    lines.length = 0;
    const response = await request(page!, `other=1; ${COOKIE}=${MALFORMED_SEAL}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('not_signed_in');
    expect(unsealFailures()).toBe(1);
    expect(lines.some((line) => line.level === 50)).toBe(false);
  });
});

describe('a request body that is not JSON', () => {
  /** Reports come from the browser itself, not from our client: see app/api/csp-report. */
  // Bodies that are not JSON by design: the browser's CSP reports, and an upload, whose body is the file.
  const NOT_AN_API_CALL = new Set(['POST /api/csp-report', 'POST /api/pages/[id]/attachments']);

  it('is a 400 bad_request that says so, logged as a warning, on every route that reads one', async () => {
    const cookie = await signInCookie(DEMO_DC_PASSWORD);
    const withBodies = routes.filter(
      (route) =>
        ['POST', 'PUT', 'PATCH'].includes(route.method) &&
        !NOT_AN_API_CALL.has(`${route.method} ${route.path}`),
    );
    expect(withBodies.length).toBeGreaterThanOrEqual(4);
    for (const route of withBodies) {
      for (const [body, message] of [
        ['{"body": "<p>cut off', 'The request body is not valid JSON.'],
        ['', 'The request has no body; Pagewright expected JSON.'],
      ] as const) {
        const name = `${route.method} ${route.path} ${JSON.stringify(body)}`;
        lines.length = 0;
        const response = await request(route, cookie, body);
        expect(response.status, name).toBe(400);
        expect((await response.json()).error, name).toMatchObject({
          code: 'bad_request',
          message,
        });
        expect(
          lines.filter((line) => (line.level as number) >= 50),
          name,
        ).toEqual([]);
      }
    }
  });
});
