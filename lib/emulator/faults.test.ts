import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { faultsFromEnv } from './faults';
import { startEmulator, type EmulatorHandle } from './index';
import { CLOUD_DEMO, DC_DEMO, call } from './testing/clients';

let emulator: EmulatorHandle;
let dc: string;

beforeEach(async () => {
  emulator = await startEmulator({ dataFile: null });
  dc = `${emulator.url}/rest/api`;
});
afterEach(async () => emulator.close());

describe('faults', () => {
  it('429 every N requests with Retry-After and X-RateLimit-* headers', async () => {
    emulator.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 7 });
    const first = await call(`${dc}/content/9470040`, { auth: DC_DEMO });
    const second = await call(`${dc}/content/9470040`, { auth: DC_DEMO });
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('7');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(second.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(emulator.requests().at(-1)).toMatchObject({ status: 429, fault: 'rate-limit' });
  });

  it('5xx with the configured status', async () => {
    emulator.setFaults({ serverErrorEvery: 1, serverErrorStatus: 502 });
    expect((await call(`${dc}/content/9470040`, { auth: DC_DEMO })).status).toBe(502);
  });

  it('connection reset and hang', async () => {
    emulator.setFaults({ resetEvery: 1 });
    await expect(
      fetch(`${dc}/content/9470040`, { headers: { Authorization: DC_DEMO } }),
    ).rejects.toThrow();
    emulator.setFaults({ resetEvery: 0, hangEvery: 1 });
    await expect(
      fetch(`${dc}/content/9470040`, {
        headers: { Authorization: DC_DEMO },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
  });

  it('latency delays answers', async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = Date.now();
    await call(`${dc}/content/9470040`, { auth: DC_DEMO });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('uploadBytesPerSecond reads attachment uploads no faster than the rate, and nothing else', async () => {
    const upload = async (name: string) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(300_000, 7)]), name);
      const started = Date.now();
      const answer = await fetch(`${dc}/content/9470040/child/attachment`, {
        method: 'POST',
        headers: { Authorization: DC_DEMO, 'X-Atlassian-Token': 'no-check' },
        body: form,
      });
      expect(answer.status).toBe(200);
      return Date.now() - started;
    };
    emulator.setFaults({ uploadBytesPerSecond: 500_000 });
    expect(await upload('slow.bin')).toBeGreaterThanOrEqual(550);
    const started = Date.now();
    await call(`${dc}/content/9470040`, { auth: DC_DEMO });
    expect(Date.now() - started).toBeLessThan(500);
    emulator.setFaults({ uploadBytesPerSecond: 0 });
    expect(await upload('fast.bin')).toBeLessThan(550);
  });

  it('applies the PUT, then answers 504 (ambiguous save)', async () => {
    emulator.setFaults({ putThen504Every: 1 });
    const body = {
      id: '9470040',
      status: 'current',
      title: 'Sandbox',
      body: { representation: 'storage', value: '<p>saved?</p>' },
      version: { number: 4 },
    };
    const answer = await call(`${emulator.url}/wiki/api/v2/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body,
    });
    expect(answer.status).toBe(504);
    expect(emulator.page('9470040')!.current).toMatchObject({ number: 4, body: '<p>saved?</p>' });
  });

  it("403 in each API's shape, as for a user who may not see the content", async () => {
    emulator.setFaults({ forbiddenEvery: 1 });
    const dcRead = await call(`${dc}/content/9470040`, { auth: DC_DEMO });
    expect(dcRead.status).toBe(403);
    expect(dcRead.json).toMatchObject({
      statusCode: 403,
      message: 'Current user not permitted to use Confluence',
    });
    const cloudV1 = await call(`${emulator.url}/wiki/rest/api/content/9470040`, {
      auth: CLOUD_DEMO,
    });
    expect(cloudV1.json.message).toBe(
      'com.atlassian.confluence.api.service.exceptions.PermissionException: Current user not permitted to use Confluence',
    );
    const v2 = await call(`${emulator.url}/wiki/api/v2/pages/9470040`, { auth: CLOUD_DEMO });
    expect(v2.status).toBe(403);
    expect(v2.json).toEqual({
      errors: [
        {
          status: 403,
          code: 'PERMISSION_DENIED',
          title: 'Current user not permitted to use Confluence',
          detail: null,
        },
      ],
    });
    expect(emulator.requests().at(-1)).toMatchObject({ status: 403, fault: 'forbidden' });
  });

  it('`methods` limits the faults to those methods', async () => {
    emulator.setFaults({ forbiddenEvery: 1, methods: 'put, post' });
    expect((await call(`${dc}/content/9470040`, { auth: DC_DEMO })).status).toBe(200);
    const save = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: { type: 'page', title: 'Sandbox', version: { number: 4 } },
    });
    expect(save.status).toBe(403);
    expect(emulator.page('9470040')!.current.number).toBe(3);
    expect(() => emulator.setFaults({ methods: 'GET;DROP' })).toThrow(/"methods"/);
  });

  it('applies the PUT, then never answers (a save that lands unseen)', async () => {
    emulator.setFaults({ putThenHangEvery: 1 });
    const save = fetch(`${dc}/content/9470040`, {
      method: 'PUT',
      headers: { Authorization: DC_DEMO, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'page',
        title: 'Sandbox',
        body: { storage: { value: '<p>landed</p>', representation: 'storage' } },
        version: { number: 4 },
      }),
      signal: AbortSignal.timeout(500),
    });
    await expect(save).rejects.toThrow();
    expect(emulator.page('9470040')!.current).toMatchObject({ number: 4, body: '<p>landed</p>' });
    // Reads still answer: only the save hangs.
    expect((await call(`${dc}/content/9470040`, { auth: DC_DEMO })).status).toBe(200);
  });

  it('is controlled over the admin API, which validates input', async () => {
    const set = await call(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      body: { serverErrorEvery: 1 },
    });
    expect(set.json.serverErrorEvery).toBe(1);
    expect((await call(`${dc}/content/9470040`, { auth: DC_DEMO })).status).toBe(503);
    expect(
      (await call(`${emulator.url}/__emulator/faults`, { method: 'PUT', body: { nope: 1 } }))
        .status,
    ).toBe(400);
    await call(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await call(`${dc}/content/9470040`, { auth: DC_DEMO })).status).toBe(200);
  });
});

describe('faultsFromEnv', () => {
  it('reads the 403, hanging-save and method knobs, and refuses a bad method list', () => {
    expect(
      faultsFromEnv({
        EMULATOR_403_EVERY: '2',
        EMULATOR_PUT_HANG_EVERY: '1',
        EMULATOR_FAULT_METHODS: 'PUT,GET',
      }),
    ).toEqual({ forbiddenEvery: 2, putThenHangEvery: 1, methods: 'PUT,GET' });
    expect(() => faultsFromEnv({ EMULATOR_FAULT_METHODS: 'PUT GET' })).toThrow(/"methods"/);
  });
});

describe('admin API', () => {
  it('health, reset, concurrent edit, and a request log without secrets', async () => {
    expect((await call(`${emulator.url}/__emulator/health`)).json).toMatchObject({ status: 'ok' });
    const edit = await call(`${emulator.url}/__emulator/pages/9470040/concurrent-edit`, {
      method: 'POST',
      body: { user: 'alex', message: 'by alex' },
    });
    expect(edit.json).toEqual({ id: '9470040', version: 4 });
    await call(`${dc}/content/9470040?os_password=hunter2`, { auth: DC_DEMO });
    const log = await call(`${emulator.url}/__emulator/requests`);
    const text = JSON.stringify(log.json);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(DC_DEMO.slice(6));
    expect(log.json.requests.at(-1)).toMatchObject({
      method: 'GET',
      user: 'demo',
      auth: 'basic',
      status: 200,
    });
    await call(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    expect(emulator.page('9470040')!.current.number).toBe(3);
  });
});
