import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';
import { CSRF_HEADERS } from '@/lib/http/csrf-header';
import { captureLogLinesPerFile } from '@/lib/log/testing/capture-log-lines';

import { handler } from './handler';

/**
 * The handler's security log events (docs/security.md SESS-8, LOG-3): one structured event per
 * refused request, and a session cookie that cannot be opened is counted without its value.
 */
const lines = captureLogLinesPerFile('info');
const APP = 'http://127.0.0.1:3998';
const previousSecret = process.env.SESSION_SECRET;

beforeAll(() => {
  process.env.SESSION_SECRET = 'security-events-test-secret-0123456789-abcdef';
});

afterAll(() => {
  if (previousSecret === undefined) delete process.env.SESSION_SECRET;
  else process.env.SESSION_SECRET = previousSecret;
});

const route = handler(async ({ session }) => ({ signedIn: Boolean(session.sid) }));
const protectedRoute = handler(async () => ({ ok: true }), { requireSession: true });
const mutating = handler(async () => ({ ok: true }), { mutating: true });
const conflicting = handler(async () => {
  throw new AppError('version_conflict');
});

function eventsFor(response: Response): unknown[] {
  const id = response.headers.get('x-request-id');
  return lines.filter((line) => line.requestId === id && line.event).map((line) => line.event);
}

describe('security events', () => {
  it('logs session_unseal_failed once for a cookie that does not open, without its value', async () => {
    const value = 'Fe26.2*1*forged-seal-value-that-is-not-a-seal';
    const response = await protectedRoute(
      new Request(`${APP}/api/x`, { headers: { cookie: `pagewright_session=${value}` } }),
    );
    expect(response.status).toBe(401);
    expect(eventsFor(response)).toEqual(['session_unseal_failed']);
    expect(JSON.stringify(lines)).not.toContain('forged-seal-value');
  });

  it('logs nothing of the kind when there is no session cookie at all', async () => {
    const response = await route(new Request(`${APP}/api/x`, { headers: { cookie: 'other=1' } }));
    expect(response.status).toBe(200);
    expect(eventsFor(response)).toEqual([]);
  });

  it('names a refused cross-site or unmarked request and a save conflict as events', async () => {
    const forged = await mutating(
      new Request(`${APP}/api/x`, {
        method: 'POST',
        headers: { origin: 'https://evil.test', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(forged.status).toBe(403);
    expect(eventsFor(forged)).toEqual(['csrf_rejected']);
    const sameOrigin = { origin: APP, 'content-type': 'application/json' };
    const unmarked = await mutating(
      new Request(`${APP}/api/x`, { method: 'POST', headers: sameOrigin, body: '{}' }),
    );
    expect(unmarked.status).toBe(403);
    expect(eventsFor(unmarked)).toEqual(['csrf_rejected']);
    const marked = await mutating(
      new Request(`${APP}/api/x`, {
        method: 'POST',
        headers: { ...sameOrigin, ...CSRF_HEADERS },
        body: '{}',
      }),
    );
    expect(marked.status).toBe(200);
    expect(eventsFor(marked)).toEqual([]);
    const conflict = await conflicting(new Request(`${APP}/api/x`));
    expect(conflict.status).toBe(409);
    expect(eventsFor(conflict)).toEqual(['save_conflict']);
  });
});
