import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, DC_DEMO, DC_READER, call } from '../testing/clients';
import { OpenApiValidator } from '../testing/openapi-validator';
import { labelNameProblem } from './label-names';

/** Labels (v1 read/write, v2 read) and attachment uploads, both flavours, with Cloud's contract. */
let emulator: EmulatorHandle;
const validator = new OpenApiValidator();
const SANDBOX = '9470040';
const WITH_FILES = '9470043';

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());
beforeEach(async () => emulator.reset());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function form(filename: string, bytes: Buffer, type = 'image/png'): FormData {
  const data = new FormData();
  data.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  data.append('minorEdit', 'true');
  return data;
}

async function upload(
  url: string,
  body: FormData,
  { auth = CLOUD_DEMO, method = 'POST', token = true } = {},
) {
  const response = await fetch(url, {
    method,
    headers: { Authorization: auth, ...(token ? { 'X-Atlassian-Token': 'no-check' } : {}) },
    body,
  });
  return { status: response.status, json: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests probe shapes
}

const cloudV1 = () => `${emulator.url}/wiki/rest/api`;
const dcV1 = () => `${emulator.url}/rest/api`;

describe('labels', () => {
  it('adds, lists (v1 and v2) and removes a label, matching the Cloud specs', async () => {
    const added = await call(`${cloudV1()}/content/${SANDBOX}/label`, {
      method: 'POST',
      auth: CLOUD_DEMO,
      body: [{ prefix: 'global', name: 'Release-Notes' }],
    });
    expect(added.status).toBe(200);
    expect(validator.errors('v1', 'POST', '/wiki/rest/api/content/{id}/label', added.json)).toEqual(
      [],
    );
    expect(added.json.results.map((label: { name: string }) => label.name)).toEqual([
      'release-notes',
    ]);

    const v1 = await call(`${cloudV1()}/content/${SANDBOX}/label`, { auth: CLOUD_DEMO });
    expect(validator.errors('v1', 'GET', '/wiki/rest/api/content/{id}/label', v1.json)).toEqual([]);
    const v2 = await call(`${emulator.url}/wiki/api/v2/pages/${SANDBOX}/labels`, {
      auth: CLOUD_DEMO,
    });
    expect(v2.status).toBe(200);
    expect(validator.errors('v2', 'GET', '/pages/{id}/labels', v2.json)).toEqual([]);
    expect(v2.json.results[0]).toMatchObject({ name: 'release-notes', prefix: 'global' });

    const removed = await call(`${cloudV1()}/content/${SANDBOX}/label?name=release-notes`, {
      method: 'DELETE',
      auth: CLOUD_DEMO,
    });
    expect(removed.status).toBe(204);
    const after = await call(`${dcV1()}/content/${SANDBOX}/label`, { auth: DC_DEMO });
    expect(after.json.results).toEqual([]);
  });

  it('removes by path as well, and 404s a label the page does not have', async () => {
    await call(`${dcV1()}/content/${SANDBOX}/label`, {
      method: 'POST',
      auth: DC_DEMO,
      body: { prefix: 'global', name: 'draft' },
    });
    const gone = await call(`${dcV1()}/content/${SANDBOX}/label/draft`, {
      method: 'DELETE',
      auth: DC_DEMO,
    });
    expect(gone.status).toBe(204);
    const again = await call(`${dcV1()}/content/${SANDBOX}/label/draft`, {
      method: 'DELETE',
      auth: DC_DEMO,
    });
    expect(again.status).toBe(404);
  });

  it.each([
    ['a space', 'two words'],
    ['a forbidden character', 'q3:plan'],
    ['markup', '<script>'],
    ['too many characters', 'x'.repeat(256)],
  ])('refuses a name with %s in Confluence words, adding nothing', async (_what, name) => {
    const answer = await call(`${dcV1()}/content/${SANDBOX}/label`, {
      method: 'POST',
      auth: DC_DEMO,
      body: [
        { prefix: 'global', name: 'fine' },
        { prefix: 'global', name },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(labelNameProblem(name));
    const labels = await call(`${dcV1()}/content/${SANDBOX}/label`, { auth: DC_DEMO });
    expect(labels.json.results).toEqual([]);
  });

  it('lets only editors write labels', async () => {
    const answer = await call(`${dcV1()}/content/${SANDBOX}/label`, {
      method: 'POST',
      auth: DC_READER,
      body: { prefix: 'global', name: 'x' },
    });
    expect(answer.status).toBe(403);
  });
});

describe('attachment uploads', () => {
  it('creates an attachment (Cloud spec shape) and serves its bytes', async () => {
    const answer = await upload(
      `${cloudV1()}/content/${SANDBOX}/child/attachment`,
      form('dot.png', PNG),
    );
    expect(answer.status).toBe(200);
    expect(
      validator.errors('v1', 'POST', '/wiki/rest/api/content/{id}/child/attachment', answer.json),
    ).toEqual([]);
    expect(answer.json.results[0]).toMatchObject({
      title: 'dot.png',
      extensions: { fileSize: PNG.length, mediaType: 'image/png' },
      version: { number: 1 },
    });
    const bytes = await fetch(`${emulator.url}/wiki/download/attachments/${SANDBOX}/dot.png`, {
      headers: { Authorization: CLOUD_DEMO },
    });
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a POST of a name in use, and adds a version through …/{attachmentId}/data', async () => {
    const clash = await upload(
      `${dcV1()}/content/${WITH_FILES}/child/attachment`,
      form('gradient.png', PNG),
      { auth: DC_DEMO },
    );
    expect(clash.status).toBe(400);
    expect(clash.json.message).toBe(
      'Cannot add a new attachment with same file name as an existing attachment: gradient.png',
    );
    const data = await upload(
      `${cloudV1()}/content/${WITH_FILES}/child/attachment/att9470060/data`,
      form('gradient.png', PNG),
    );
    expect(data.status).toBe(200);
    expect(
      validator.errors(
        'v1',
        'POST',
        '/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/data',
        data.json,
      ),
    ).toEqual([]);
    expect(data.json).toMatchObject({
      id: 'att9470060',
      version: { number: 2 },
      extensions: { fileSize: PNG.length },
    });
  });

  it('PUT creates or versions by name', async () => {
    const first = await upload(
      `${cloudV1()}/content/${SANDBOX}/child/attachment`,
      form('a.txt', Buffer.from('one'), 'text/plain'),
      { method: 'PUT' },
    );
    const second = await upload(
      `${cloudV1()}/content/${SANDBOX}/child/attachment`,
      form('a.txt', Buffer.from('two'), 'text/plain'),
      { method: 'PUT' },
    );
    expect(
      validator.errors('v1', 'PUT', '/wiki/rest/api/content/{id}/child/attachment', second.json),
    ).toEqual([]);
    expect(second.json.results[0].id).toBe(first.json.results[0].id);
    expect(second.json.results[0].version.number).toBe(2);
  });

  it('needs X-Atlassian-Token (XSRF) and edit rights', async () => {
    const noToken = await upload(
      `${dcV1()}/content/${SANDBOX}/child/attachment`,
      form('x.png', PNG),
      { auth: DC_DEMO, token: false },
    );
    expect(noToken).toMatchObject({ status: 403, json: { message: 'XSRF check failed' } });
    const reader = await upload(
      `${dcV1()}/content/${SANDBOX}/child/attachment`,
      form('x.png', PNG),
      { auth: DC_READER },
    );
    expect(reader.status).toBe(403);
  });

  it('refuses file names with path separators or control characters', async () => {
    for (const name of ['../evil.png', 'a\\b.png', 'bell\u0007.png']) {
      const answer = await upload(
        `${dcV1()}/content/${SANDBOX}/child/attachment`,
        form(name, PNG),
        { auth: DC_DEMO },
      );
      expect(answer.status, name).toBe(400);
    }
  });

  it('keeps quotes and markup in names as they are', async () => {
    const name = 'say "<b>hi" & <i>.png';
    const answer = await upload(`${dcV1()}/content/${SANDBOX}/child/attachment`, form(name, PNG), {
      auth: DC_DEMO,
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results[0].title).toBe(name);
  });

  it('accepts files over the 5 MiB JSON limit, up to the attachment limit', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    const answer = await upload(
      `${dcV1()}/content/${SANDBOX}/child/attachment`,
      form('big.bin', big, 'application/octet-stream'),
      { auth: DC_DEMO },
    );
    expect(answer.status).toBe(200);
    expect(answer.json.results[0].extensions.fileSize).toBe(big.length);
  });
});

describe('persistence', () => {
  it('keeps uploaded files and labels in the data file across a restart', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'pw-emu-files-')), 'data.json');
    const first = await startEmulator({ dataFile });
    await upload(
      `${first.url}/rest/api/content/${SANDBOX}/child/attachment`,
      form('kept.png', PNG),
      {
        auth: DC_DEMO,
      },
    );
    await call(`${first.url}/rest/api/content/${SANDBOX}/label`, {
      method: 'POST',
      auth: DC_DEMO,
      body: { prefix: 'global', name: 'kept' },
    });
    await first.close();
    const second = await startEmulator({ dataFile });
    try {
      const bytes = await fetch(`${second.url}/download/attachments/${SANDBOX}/kept.png`, {
        headers: { Authorization: DC_DEMO },
      });
      expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PNG);
      const labels = await call(`${second.url}/rest/api/content/${SANDBOX}/label`, {
        auth: DC_DEMO,
      });
      expect(labels.json.results.map((label: { name: string }) => label.name)).toEqual(['kept']);
    } finally {
      await second.close();
    }
  });
});
