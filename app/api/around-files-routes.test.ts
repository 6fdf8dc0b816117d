import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import * as attachmentsRoute from './pages/[id]/attachments/route';
import * as labelsRoute from './pages/[id]/labels/route';
import { GET as downloadRoute } from './pages/[id]/attachments/[filename]/route';
import {
  APP,
  flavours,
  json,
  params,
  SANDBOX,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/** Labels and attachment uploads end to end against the emulator, both flavours, in process. */
const WITH_FILES = '9470043';
const emulator = startDemoEmulatorPerFile();
afterEach(() => {
  delete process.env.PAGEWRIGHT_MAX_UPLOAD_MB;
});

const sameOrigin = { origin: APP, 'sec-fetch-site': 'same-origin', ...CSRF_HEADERS };

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(flavours)('%s', (_name, credentials) => {
  let cookie = '';
  beforeEach(async () => {
    await emulator().reset();
    cookie = await signInCookie(credentials);
  });

  const labels = async (id = SANDBOX) =>
    (
      await labelsRoute.GET(
        new Request(`${APP}/api/pages/${id}/labels`, { headers: { cookie } }),
        params({ id }),
      )
    ).json();
  const addLabel = (name: string, headers: Record<string, string> = json) =>
    labelsRoute.POST(
      new Request(`${APP}/api/pages/${SANDBOX}/labels`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify({ name }),
      }),
      params({ id: SANDBOX }),
    );

  function upload(
    filename: string,
    body: BodyInit,
    { id = SANDBOX, type = 'image/png', headers = sameOrigin as Record<string, string> } = {},
  ) {
    return attachmentsRoute.POST(
      new Request(`${APP}/api/pages/${id}/attachments?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type, cookie },
        body,
        duplex: 'half',
      } as RequestInit),
      params({ id }),
    );
  }

  it('adds a label on the page and removes it again', async () => {
    const added = await addLabel('Release-Notes');
    expect(added.status).toBe(200);
    expect((await added.json()).labels.map((l: { name: string }) => l.name)).toEqual([
      'release-notes',
    ]);
    expect((await labels()).labels).toHaveLength(1);
    const removed = await labelsRoute.DELETE(
      new Request(`${APP}/api/pages/${SANDBOX}/labels?name=release-notes`, {
        method: 'DELETE',
        headers: { ...sameOrigin, cookie },
      }),
      params({ id: SANDBOX }),
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).labels).toEqual([]);
  });

  it.each([['two words'], ['q3:plan'], ['x'.repeat(256)]])(
    'explains a refused label name (%s) in Confluence words',
    async (name) => {
      const refused = await addLabel(name);
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error.code).toBe('bad_request');
      expect(error.message).toMatch(/Labels can't contain spaces|too long/);
      expect(error.message).not.toMatch(/Exception/);
      expect((await labels()).labels).toEqual([]);
    },
  );

  it('refuses a label write without the CSRF header or from another origin', async () => {
    const { 'x-cfe-csrf': _dropped, ...noHeader } = json;
    expect((await addLabel('x', noHeader)).status).toBe(403);
    expect((await addLabel('x', { ...json, origin: 'https://evil.example' })).status).toBe(403);
    expect((await labels()).labels).toEqual([]);
  });

  it('uploads a PNG, lists it with size and version, and serves it back', async () => {
    const created = await upload('dot.png', new Uint8Array(PNG));
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({
      outcome: 'created',
      attachment: { title: 'dot.png', fileSize: PNG.length, version: 1 },
    });
    const list = await (
      await attachmentsRoute.GET(
        new Request(`${APP}/api/pages/${SANDBOX}/attachments`, { headers: { cookie } }),
        params({ id: SANDBOX }),
      )
    ).json();
    expect(list.attachments).toEqual([
      expect.objectContaining({
        title: 'dot.png',
        fileSize: PNG.length,
        version: 1,
        mediaType: 'image/png',
      }),
    ]);
    const served = await downloadRoute(
      new Request(`${APP}/api/pages/${SANDBOX}/attachments/dot.png`, { headers: { cookie } }),
      params({ id: SANDBOX, filename: 'dot.png' }),
    );
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it('turns a changed file of a known name into a new version, and skips an unchanged one', async () => {
    const changed = Buffer.concat([PNG, Buffer.from([0])]);
    const second = await upload('gradient.png', new Uint8Array(changed), { id: WITH_FILES });
    expect(await second.json()).toMatchObject({
      outcome: 'new-version',
      attachment: { version: 2 },
    });

    emulator().clearRequests();
    const sha256 = createHash('sha256').update(changed).digest('hex');
    const same = await upload('gradient.png', new Uint8Array(changed), {
      id: WITH_FILES,
      headers: {
        ...sameOrigin,
        'x-content-sha256': sha256,
        'content-length': String(changed.length),
      },
    });
    expect(await same.json()).toMatchObject({ outcome: 'unchanged', attachment: { version: 2 } });
    expect(
      emulator()
        .requests()
        .some((entry) => entry.method === 'POST'),
    ).toBe(false);

    // Same size, other bytes: the checksum differs, so it is uploaded.
    const other = Buffer.from(changed).fill(1, 0, 1);
    const differs = await upload('gradient.png', new Uint8Array(other), {
      id: WITH_FILES,
      headers: {
        ...sameOrigin,
        'x-content-sha256': createHash('sha256').update(other).digest('hex'),
        'content-length': String(other.length),
      },
    });
    expect(await differs.json()).toMatchObject({
      outcome: 'new-version',
      attachment: { version: 3 },
    });
  });

  it.each([
    ['../evil.png'],
    ['a/b.png'],
    ['<script>alert(1)<script>.png'],
    ['line\nbreak.png'],
    ['page.html'],
  ])('refuses the file name %j before anything reaches Confluence', async (name) => {
    emulator().clearRequests();
    const refused = await upload(name, new Uint8Array(PNG));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe('bad_request');
    expect(
      emulator()
        .requests()
        .some((entry) => entry.method === 'POST'),
    ).toBe(false);
  });

  it('refuses an upload without the CSRF header', async () => {
    const { 'x-cfe-csrf': _dropped, ...noHeader } = sameOrigin;
    const refused = await upload('dot.png', new Uint8Array(PNG), { headers: noHeader });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('csrf_rejected');
  });

  it('refuses a file over PAGEWRIGHT_MAX_UPLOAD_MB, by its length and while streaming', async () => {
    process.env.PAGEWRIGHT_MAX_UPLOAD_MB = '1';
    const big = new Uint8Array(3 * 1024 * 1024);
    const declared = await upload('big.bin', big, {
      type: 'application/octet-stream',
      headers: { ...sameOrigin, 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toBe(
      'The file is larger than the 1 MB this server accepts.',
    );

    const streamed = await upload('big.bin', chunks(3, 1024 * 1024), {
      type: 'application/octet-stream',
    });
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe('too_large');
    const list = await (
      await attachmentsRoute.GET(
        new Request(`${APP}/api/pages/${SANDBOX}/attachments`, { headers: { cookie } }),
        params({ id: SANDBOX }),
      )
    ).json();
    expect(list.attachments).toEqual([]);
  });

  it('refuses a page id that is not digits before building any URL', async () => {
    const refused = await upload('dot.png', new Uint8Array(PNG), { id: '../../admin' });
    expect(refused.status).toBe(400);
  });
});

/** `count` chunks of `size` bytes, made as they are read. */
function chunks(count: number, size: number): ReadableStream<Uint8Array> {
  let left = count;
  return new ReadableStream({
    pull(controller) {
      if (left-- <= 0) return controller.close();
      controller.enqueue(new Uint8Array(size));
    },
  });
}
