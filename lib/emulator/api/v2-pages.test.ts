import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, CLOUD_READER, call } from '../testing/clients';

let emulator: EmulatorHandle;
let v2: string;

beforeEach(async () => {
  emulator = await startEmulator({ dataFile: null });
  v2 = `${emulator.url}/wiki/api/v2`;
});
afterEach(async () => emulator.close());

function put(
  id: string,
  version: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    status: 'current',
    title: 'Sandbox',
    body: { representation: 'storage', value: '<p>v2</p>' },
    version: { number: version },
    ...extra,
  };
}

describe('v2 pages', () => {
  it('GET /pages/{id} with body-format=storage', async () => {
    const { json } = await call(`${v2}/pages/9470040?body-format=storage`, { auth: CLOUD_DEMO });
    expect(json).toMatchObject({
      id: '9470040',
      title: 'Sandbox',
      spaceId: '98306',
      parentId: '9469953',
      version: { number: 3 },
    });
    expect(json.body.storage.representation).toBe('storage');
    expect(json._links.webui).toBe('/spaces/DEMO/pages/9470040/Sandbox');
  });

  it('ancestors top to bottom, and the space/title lookups', async () => {
    const ancestors = await call(`${v2}/pages/9470046/ancestors`, { auth: CLOUD_DEMO });
    expect(ancestors.json.results).toEqual([
      { id: '9469953', type: 'page' },
      { id: '9470044', type: 'page' },
      { id: '9470045', type: 'page' },
    ]);
    const spaces = await call(`${v2}/spaces?keys=DEMO`, { auth: CLOUD_DEMO });
    expect(spaces.json.results[0]).toMatchObject({ id: '98306', key: 'DEMO', name: 'Demo space' });
    const pages = await call(`${v2}/pages?space-id=98306&title=Sandbox`, { auth: CLOUD_DEMO });
    expect(pages.json.results.map((page: { id: string }) => page.id)).toEqual(['9470040']);
  });

  it('PUT saves version+1 and moves with parentId', async () => {
    const saved = await call(`${v2}/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: put('9470040', 4, { parentId: '9470044' }),
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      parentId: '9470044',
      version: { number: 4 },
      body: { storage: { value: '<p>v2</p>' } },
    });
    const versions = await call(`${v2}/pages/9470040/versions`, { auth: CLOUD_DEMO });
    expect(versions.json.results.map((version: { number: number }) => version.number)).toEqual([
      4, 3, 2, 1,
    ]);
  });

  it('409 CONFLICT on a stale version, in the v2 error shape', async () => {
    const answer = await call(`${v2}/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: put('9470040', 3),
    });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({
      errors: [
        {
          status: 409,
          code: 'CONFLICT',
          title:
            'Version must be incremented when updating a page. Current Version: [3]. Provided version: [3]',
          detail: null,
        },
      ],
    });
  });

  it('400 for bad XHTML and missing required fields; 404 for hidden pages', async () => {
    const bad = await call(`${v2}/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: put('9470040', 4, { body: { representation: 'storage', value: '<p>&bogus;</p>' } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].title).toBe(
      'Error parsing xhtml: Undeclared general entity "bogus"\n at [row,col {unknown-source}]: [1,370]',
    );
    const missing = await call(`${v2}/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: { id: '9470040', status: 'current', title: 'x', version: { number: 4 } },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].code).toBe('INVALID_REQUEST_PARAMETER');
    expect((await call(`${v2}/pages/9470049`, { auth: CLOUD_READER })).status).toBe(404);
  });

  it('lists attachments with download links', async () => {
    const { json } = await call(`${v2}/pages/9470043/attachments?filename=diagram.svg`, {
      auth: CLOUD_DEMO,
    });
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({
      title: 'diagram.svg',
      mediaType: 'image/svg+xml',
      pageId: '9470043',
    });
  });
});

describe('concurrency', () => {
  it('50 parallel PUTs with the same base version: exactly one 200, the rest 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        call(`${v2}/pages/9470040`, {
          method: 'PUT',
          auth: CLOUD_DEMO,
          body: put('9470040', 4, {
            body: { representation: 'storage', value: `<p>writer ${n}</p>` },
          }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = answers.find((answer) => answer.status === 200)!.json.body.storage.value;
    expect(emulator.page('9470040')!.current).toMatchObject({ number: 4, body: winner });
  });

  it('a concurrent edit by another user makes the next save stale', async () => {
    expect(emulator.concurrentEdit('9470040')).toEqual({ id: '9470040', version: 4 });
    const answer = await call(`${v2}/pages/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: put('9470040', 4),
    });
    expect(answer.status).toBe(409);
    const latest = await call(`${v2}/pages/9470040`, { auth: CLOUD_DEMO });
    expect(latest.json.version.authorId).toBe('5f3a1b2c3d4e5f6a7b8c9d02');
  });
});
