import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { useLogDestination } from '@/lib/log/logger';

import {
  APP,
  DEMO_DC_PASSWORD,
  json,
  readSandbox,
  saveSandbox,
  signIn,
  signOut,
  startDemoEmulatorPerFile,
} from './route-test-support';
import * as sessionRoute from './session/route';

/**
 * Sign-in, sign-out and the session cookie: its flags, tampering, throttled failures, the
 * flavour it carries, and credentials that never reach a log line or a response.
 */
const emulator = startDemoEmulatorPerFile();

describe('session lifecycle', () => {
  it('signs out for good: the old cookie no longer works (SESS-5)', async () => {
    const { cookie } = await signIn(DEMO_DC_PASSWORD);
    expect((await readSandbox(cookie)).status).toBe(200);
    const out = await signOut({ ...json, cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('clear-site-data')).toContain('cache');
    expect((await readSandbox(cookie)).status).toBe(401);
  });

  it('treats a tampered cookie as signed out (SESS-8)', async () => {
    const { cookie } = await signIn(DEMO_DC_PASSWORD);
    const tampered = cookie.replace(/.{4}$/, 'AAAA');
    const response = await readSandbox(tampered);
    expect(response.status).toBe(401);
  });

  it('marks the cookie httpOnly and SameSite=Lax (SESS-2)', async () => {
    const { response } = await signIn(DEMO_DC_PASSWORD);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe('sign-in throttling (RATE-1)', () => {
  it('blocks the sixth failure in a row for one user without asking Confluence', async () => {
    const username = `intruder-${Date.now()}`;
    emulator().clearRequests();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { response } = await signIn({ method: 'dc-password', username, password: 'guess' });
      statuses.push(response.status);
      if (attempt === 5) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const upstream = emulator()
      .requests()
      .filter((entry) => entry.url.split('?')[0]!.endsWith('/user/current'));
    expect(upstream).toHaveLength(5);
  });
});

describe('credentials never reach a log line or a response (LOG-2, SESS-3)', () => {
  it('holds for a whole journey with a known fake token', async () => {
    const lines: string[] = [];
    useLogDestination(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
      'debug',
    );
    const token = 'demo-token';
    const bodies: string[] = [];
    const record = async (response: Response) => {
      bodies.push(await response.clone().text());
      for (const [name, value] of response.headers) if (name !== 'set-cookie') bodies.push(value);
      return response;
    };
    const { cookie, response } = await signIn({
      method: 'cloud-token',
      email: 'demo@example.com',
      token,
    });
    await record(response);
    const loaded = await record(await readSandbox(cookie));
    const { page } = await loaded.json();
    const save = (baseVersion: number) =>
      saveSandbox(cookie, {
        baseVersion,
        title: page.title,
        body: '<p>journey</p>',
        parentId: page.parentId,
      });
    await record(await save(page.version.number));
    await record(await save(page.version.number)); // conflict
    await record(
      await sessionRoute.GET(new Request(`${APP}/api/session`, { headers: { cookie } })),
    );
    await record(
      await signIn({
        method: 'cloud-token',
        email: 'demo@example.com',
        token: 'wrong-token-value',
      }).then((r) => r.response),
    );
    await record(await signOut({ ...json, cookie }));
    expect(lines.length).toBeGreaterThan(3);
    const everything = [...lines, ...bodies].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('wrong-token-value');
    expect(everything).not.toContain(Buffer.from(`demo@example.com:${token}`).toString('base64'));
    expect(cookie).not.toContain(token);
  });
});

describe('flavour', () => {
  it('follows the credentials in demo mode, and can be forced', async () => {
    const read = async (cookie: string) =>
      (
        await (
          await sessionRoute.GET(new Request(`${APP}/api/session`, { headers: { cookie } }))
        ).json()
      ).session;
    const dc = await signIn({ method: 'dc-pat', token: 'demo-pat' });
    expect(await read(dc.cookie)).toMatchObject({ flavour: 'datacenter' });
    const cloud = await signIn({
      method: 'cloud-token',
      email: 'demo@example.com',
      token: 'demo-token',
    });
    expect(await read(cloud.cookie)).toMatchObject({ flavour: 'cloud' });
    // The emulator's Cloud side accepts the API token as a Bearer token, as real Cloud does.
    const forced = await signIn({ method: 'dc-pat', token: 'demo-token', flavour: 'cloud' });
    expect(await read(forced.cookie)).toMatchObject({ flavour: 'cloud' });
  });
});
