import { readFileSync } from 'node:fs';

import { sealData } from 'iron-session';

import { CSRF_HEADERS } from '../../lib/http/csrf-header';
import { resolveSessionPassword } from '../../lib/session/secret';
import { expect, test } from '../fixtures';

import { admin, emulatorRequests, emulatorUrl } from '../emulator-admin';
import { signInFrom } from './sign-in-client';

/**
 * Over real HTTP against the production server (docs/security.md CSP-1, CSP-2, CSP-5,
 * SESS-2, SESS-4..8, RATE-1, RATE-2, SSRF-1, SSRF-3, SSRF-5, LOG-3): headers and the nonce,
 * CSRF, CORS, session tampering, expiry and replay after sign-out, sign-in throttling, one
 * answer for every failed sign-in, and page ids that never reach Confluence.
 */

const PAGE = '9470040';
const COOKIE = '__Host-pagewright_session';

let app = '';
test.beforeAll(() => {
  app = process.env.E2E_APP_URL!;
});

/** The headers the app's own client sends with a state-changing request (SESS-6), plus `extra`. */
function sameOrigin(extra: Record<string, string> = {}): Record<string, string> {
  return {
    origin: app,
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/json',
    ...CSRF_HEADERS,
    ...extra,
  };
}

/** `headers` without the ones named. */
function without(headers: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

/** The session cookie (`name=value`) from a response, or null. */
function sessionCookie(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? cookie.split(';')[0]! : null;
}

async function signIn(
  body: Record<string, string> = { method: 'dc-password', username: 'demo', password: 'demo' },
  headers: Record<string, string> = sameOrigin(),
): Promise<Response> {
  return fetch(`${app}/api/session`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function signedInCookie(): Promise<string> {
  const response = await signIn();
  expect(response.status).toBe(200);
  return sessionCookie(response)!;
}

function logLines(): string[] {
  return readFileSync(process.env.E2E_SERVER_LOG_FILE!, 'utf8').split('\n').filter(Boolean);
}

/** Log records written for one request (the handler stamps each with the request id). */
async function linesFor(requestId: string | null): Promise<Array<Record<string, unknown>>> {
  expect(requestId).toBeTruthy();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return logLines()
    .filter((line) => line.includes(requestId!))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test.describe('headers and CSP (CSP-1, CSP-2, CSP-5)', () => {
  test('every HTML route sends the strict CSP with a fresh nonce that its scripts carry', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/login', '/scratch', `/pages/${PAGE}`, '/login']) {
      const response = await fetch(`${app}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).toBe(
        [
          "default-src 'self'",
          `script-src 'nonce-${nonce}' 'strict-dynamic'`,
          "style-src 'self' 'unsafe-inline'",
          // CSP-1 says `img-src 'self' data: blob:`; `https:` came with the preview's opt-in
          // external images (docs/security-tests.md, CSP-1 deviation). The preview frame's own
          // CSP still allows only the app origin and data: until the user opts in.
          "img-src 'self' data: blob: https:",
          "font-src 'self' data:",
          "worker-src 'self' blob:",
          "connect-src 'self'",
          "frame-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'",
          // XSS-9, enforced by default (PAGEWRIGHT_TRUSTED_TYPES; e2e/security/trusted-types.spec.ts).
          "require-trusted-types-for 'script'",
          "trusted-types default app-preview app-preview-shell dompurify defaultWorkerFactory diffEditorWidget diffReview domLineBreaksComputer editorGhostText editorViewLayer richScreenReaderContent standaloneColorizer stickyScrollViewLayer tokenizeToString 'allow-duplicates'",
          'report-to csp',
        ].join('; '),
      );
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('reporting-endpoints')).toBe('csp="/api/csp-report"');
      // 128 bits of randomness.
      expect(Buffer.from(nonce!, 'base64')).toHaveLength(16);
      const html = await response.text();
      expect(html.split(`nonce="${nonce}"`).length - 1, path).toBeGreaterThan(0);
      expect(response.headers.get('cache-control') ?? '', path).toMatch(/no-store|private/);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test('the other security headers are on pages and API routes alike', async () => {
    for (const path of ['/', '/scratch', '/api/session', `/api/pages/${PAGE}`]) {
      const response = await fetch(`${app}${path}`);
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      expect(response.headers.get('permissions-policy'), path).toBe(
        'camera=(), microphone=(), geolocation=()',
      );
      expect(response.headers.get('content-security-policy'), path).toContain(
        "frame-ancestors 'none'",
      );
    }
  });
});

test.describe('CSRF and CORS (SESS-6, SESS-7)', () => {
  test('a save, a sign-in and a sign-out from anywhere but the app are refused with 403', async () => {
    const cookie = await signedInCookie();
    const page = (await (
      await fetch(`${app}/api/pages/${PAGE}`, { headers: { cookie } })
    ).json()) as { page: { version: { number: number }; title: string; parentId?: string } };
    const body = JSON.stringify({
      baseVersion: page.page.version.number,
      title: page.page.title,
      parentId: page.page.parentId,
      body: '<p>CSRF probe</p>',
    });
    const put = (headers: Record<string, string>) =>
      fetch(`${app}/api/pages/${PAGE}`, { method: 'PUT', headers: { cookie, ...headers }, body });
    const forged: Array<[string, Record<string, string>]> = [
      ['foreign Origin', sameOrigin({ origin: 'https://evil.test' })],
      ['no Origin', without(sameOrigin(), 'origin')],
      ['Sec-Fetch-Site cross-site', sameOrigin({ 'sec-fetch-site': 'cross-site' })],
      ['Sec-Fetch-Site same-site', sameOrigin({ 'sec-fetch-site': 'same-site' })],
      ['text/plain body', sameOrigin({ 'content-type': 'text/plain' })],
      ['form body', sameOrigin({ 'content-type': 'application/x-www-form-urlencoded' })],
      ['null Origin', sameOrigin({ origin: 'null' })],
      ['no X-CFE-CSRF header', without(sameOrigin(), 'x-cfe-csrf')],
      ['X-CFE-CSRF of another value', sameOrigin({ 'x-cfe-csrf': '0' })],
    ];
    for (const [what, headers] of forged) {
      const response = await put(headers);
      expect(response.status, what).toBe(403);
      const answer = (await response.json()) as { error: { code: string } };
      expect(answer.error.code, what).toBe('csrf_rejected');
      expect(response.headers.get('vary'), what).toMatch(/\bOrigin\b.*\bSec-Fetch-Site\b/i);
      const events = await linesFor(response.headers.get('x-request-id'));
      expect(
        events.filter((line) => line.event === 'csrf_rejected' || line.code === 'csrf_rejected'),
        `${what}: one security event logged`,
      ).toHaveLength(1);
    }
    const accepted = await put(sameOrigin());
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('vary')).toMatch(/\bOrigin\b.*\bSec-Fetch-Site\b/i);
    expect(accepted.headers.get('cache-control')).toBe('no-store');

    const loginCsrf = await signIn(undefined, sameOrigin({ origin: 'https://evil.test' }));
    expect(loginCsrf.status).toBe(403);
    expect(sessionCookie(loginCsrf)).toBeNull();
    const unmarkedLogin = await signIn(undefined, without(sameOrigin(), 'x-cfe-csrf'));
    expect(unmarkedLogin.status).toBe(403);
    expect(sessionCookie(unmarkedLogin)).toBeNull();
    const logoutCsrf = await fetch(`${app}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: 'https://evil.test' },
    });
    expect(logoutCsrf.status).toBe(403);
    // A bodiless DELETE has no content type to check: the custom header is what it must show.
    const unmarkedLogout = await fetch(`${app}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: app, 'sec-fetch-site': 'same-origin' },
    });
    expect(unmarkedLogout.status).toBe(403);
    expect((await fetch(`${app}/api/session`, { headers: { cookie } })).status).toBe(200);
    await admin('POST', '/reset');
  });

  test('no CORS: preflights and cross-origin reads get no Access-Control-Allow-* header', async () => {
    const cookie = await signedInCookie();
    for (const path of [`/api/pages/${PAGE}`, '/api/session', '/api/render', '/api/csp-report']) {
      const preflight = await fetch(`${app}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.test',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });
      const read = await fetch(`${app}${path}`, {
        headers: { origin: 'https://evil.test', cookie },
      });
      for (const response of [preflight, read]) {
        const allow = [...response.headers.keys()].filter((name) =>
          name.startsWith('access-control-allow'),
        );
        expect(allow, path).toEqual([]);
      }
    }
  });
});

test.describe('the session (SESS-2, SESS-4, SESS-5, SESS-8)', () => {
  test('the cookie is __Host-, httpOnly, Secure, SameSite=Lax, Path=/ and has no Domain', async () => {
    const response = await signIn();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie.split(';')[0]).toMatch(new RegExp(`^${COOKIE}=Fe26\\.2\\*`));
    expect(await response.text()).not.toContain('demo-token');
  });

  test('a tampered cookie is signed out, with one session_unseal_failed line and no cookie value', async () => {
    const cookie = await signedInCookie();
    const tampered = cookie.replace(/.{6}$/, 'AAAAAA');
    const response = await fetch(`${app}/api/pages/${PAGE}`, { headers: { cookie: tampered } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'not_signed_in',
    );
    const lines = await linesFor(response.headers.get('x-request-id'));
    expect(lines.filter((line) => line.event === 'session_unseal_failed')).toHaveLength(1);
    const value = tampered.split('=').slice(1).join('=');
    for (const line of lines) expect(JSON.stringify(line)).not.toContain(value.slice(10, 60));
  });

  test('an expired session (absolute 8 h, idle 30 min) gives 401 and clears the cookie', async () => {
    const password = resolveSessionPassword({
      PAGEWRIGHT_DEMO: '1',
      PAGEWRIGHT_DEMO_DATA_DIR: process.env.E2E_DEMO_DATA_DIR,
    });
    const now = Date.now();
    const seal = (createdAt: number, lastSeen: number) =>
      sealData(
        {
          sid: `e2e-${createdAt}`,
          site: { baseUrl: emulatorUrl(), flavour: 'datacenter' },
          credentials: { method: 'dc-password', username: 'demo', password: 'demo' },
          user: { displayName: 'Demo User', username: 'demo' },
          createdAt,
          lastSeen,
        },
        { password, ttl: 8 * 3600 },
      );
    const fresh = await seal(now - 60_000, now - 60_000);
    const ok = await fetch(`${app}/api/pages/${PAGE}`, {
      headers: { cookie: `${COOKIE}=${fresh}` },
    });
    expect(ok.status, 'a well-formed fresh seal is accepted (the crafted cookie is valid)').toBe(
      200,
    );
    for (const [what, createdAt, lastSeen] of [
      ['absolute', now - 8 * 3600_000 - 60_000, now - 60_000],
      ['idle', now - 3600_000, now - 31 * 60_000],
    ] as const) {
      const sealed = await seal(createdAt, lastSeen);
      const response = await fetch(`${app}/api/pages/${PAGE}`, {
        headers: { cookie: `${COOKIE}=${sealed}` },
      });
      expect(response.status, what).toBe(401);
      const cleared = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
      expect(cleared, `${what}: the cookie is cleared`).toMatch(
        /Max-Age=0|Expires=Thu, 01 Jan 1970/i,
      );
    }
  });

  test('sign-out is for good: the old cookie is refused, and each sign-in seals a new session', async () => {
    const cookie = await signedInCookie();
    expect((await fetch(`${app}/api/pages/${PAGE}`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${app}/api/session`, {
      method: 'DELETE',
      headers: without(sameOrigin({ cookie }), 'content-type'),
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('cache-control')).toContain('no-store');
    expect(out.headers.get('clear-site-data')).toContain('"cache"');
    expect((await fetch(`${app}/api/pages/${PAGE}`, { headers: { cookie } })).status).toBe(401);
    // Each sign-in starts a new session: two sign-ins, two different seals.
    expect(await signedInCookie()).not.toBe(await signedInCookie());
  });
});

test.describe('sign-in (RATE-1, RATE-2, SSRF-1, SSRF-3)', () => {
  test('one answer for every failure, and the sixth failure for a user is blocked before Confluence', async () => {
    const username = `intruder-${Date.now()}`;
    await admin('DELETE', '/requests');
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await signIn({
        method: 'dc-password',
        username,
        password: `guess-${attempt}`,
      });
      statuses.push(response.status);
      const answer = (await response.json()) as { error: Record<string, unknown> };
      bodies.push(JSON.stringify({ ...answer.error, requestId: undefined }));
      if (attempt === 5) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const upstream = (await emulatorRequests()).filter((entry) =>
      entry.url.split('?')[0]!.endsWith('/user/current'),
    );
    expect(upstream).toHaveLength(5);
    // A forged X-Forwarded-For (no trusted proxy configured) does not reset the count.
    const spoofed = await signIn(
      { method: 'dc-password', username, password: 'guess-again' },
      sameOrigin({ 'x-forwarded-for': '203.0.113.9' }),
    );
    expect(spoofed.status).toBe(429);

    // Every other failure reads exactly like a wrong password (RATE-2), including sites that
    // are not allowed or that point at cloud metadata or loopback (SSRF-1, SSRF-3).
    const failures: Array<Record<string, string>> = [
      { method: 'dc-password', username: 'demo', password: 'wrong' },
      { method: 'dc-pat', token: 'no-such-token' },
      { method: 'cloud-token', email: 'nobody@example.com', token: 'x' },
      { method: 'dc-password', username: 'x2', password: 'y', baseUrl: 'https://evil.test' },
      { method: 'dc-password', username: 'x3', password: 'y', baseUrl: 'http://169.254.169.254/' },
      {
        method: 'dc-password',
        username: 'x4',
        password: 'y',
        baseUrl: 'http://[::ffff:127.0.0.1]/',
      },
      {
        method: 'dc-password',
        username: 'x5',
        password: 'y',
        baseUrl: 'https://evilatlassian.net',
      },
    ];
    const first = bodies[0]!;
    // From another client: this one has used up most of its ten failures a minute above.
    for (const body of failures) {
      const response = await signInFrom('127.0.0.2', app, body);
      expect(response.status, JSON.stringify(body)).toBe(401);
      const answer = (await response.json()) as { error: Record<string, unknown> };
      expect(JSON.stringify({ ...answer.error, requestId: undefined })).toBe(first);
    }
  });
});

test.describe('page ids (SSRF-5)', () => {
  test('ids that are not plain numbers give 400 without any call to Confluence', async () => {
    const cookie = await signedInCookie();
    await admin('DELETE', '/requests');
    for (const id of ['..%2F..%2Fadmin', '1%3Fx', '1%23', 'abc', '1.5', '123456789012345678901']) {
      const response = await fetch(`${app}/api/pages/${id}`, { headers: { cookie } });
      expect(response.status, id).toBe(400);
    }
    expect(await emulatorRequests()).toEqual([]);
  });
});
