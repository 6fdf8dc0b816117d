import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, CLOUD_READER, DC_DEMO, DC_READER, call } from '../testing/clients';

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());

const DEMO_ID = '5f3a1b2c3d4e5f6a7b8c9d01';
const ALEX_ID = '5f3a1b2c3d4e5f6a7b8c9d02';
const CLOUD_ALEX = `Basic ${Buffer.from('alex@example.com:alex-token').toString('base64')}`;

function operationsOf(json: { operations: Array<{ operation: string }> }): string[] {
  return json.operations.map((entry) => entry.operation).sort();
}

describe('user lookups', () => {
  it('v2 users-bulk names the known account ids and leaves unknown ones out', async () => {
    const answer = await call(`${emulator.url}/wiki/api/v2/users-bulk`, {
      method: 'POST',
      auth: CLOUD_DEMO,
      body: { accountIds: [DEMO_ID, ALEX_ID, 'no-such-account'] },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results.map((user: { displayName: string }) => user.displayName)).toEqual([
      'Demo User',
      'Alex Other',
    ]);
  });

  it('v2 users-bulk refuses an empty list with 400', async () => {
    const answer = await call(`${emulator.url}/wiki/api/v2/users-bulk`, {
      method: 'POST',
      auth: CLOUD_DEMO,
      body: { accountIds: [] },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].code).toBe('INVALID_REQUEST_PARAMETER');
  });

  it('v1 user/bulk answers with display names on Cloud', async () => {
    const answer = await call(`${emulator.url}/wiki/rest/api/user/bulk?accountId=${ALEX_ID}`, {
      auth: CLOUD_DEMO,
    });
    expect(answer.json.results[0].displayName).toBe('Alex Other');
  });
});

describe('permitted operations', () => {
  it.each([
    ['Demo User on Sandbox', CLOUD_DEMO, '9470040', ['delete', 'read', 'update']],
    ['Robin Reader on Sandbox', CLOUD_READER, '9470040', ['read']],
    ['Demo User on Locked policy', CLOUD_DEMO, '9470050', ['read']],
    ['Alex on Locked policy', CLOUD_ALEX, '9470050', ['delete', 'read', 'update']],
  ])('v2: %s', async (_who, auth, id, expected) => {
    const answer = await call(`${emulator.url}/wiki/api/v2/pages/${id}/operations`, { auth });
    expect(answer.status).toBe(200);
    expect(operationsOf(answer.json)).toEqual(expected);
  });

  it.each([
    ['Demo User on Sandbox', DC_DEMO, '9470040', ['delete', 'read', 'update']],
    ['Robin Reader on Sandbox', DC_READER, '9470040', ['read']],
    ['Demo User on Locked policy', DC_DEMO, '9470050', ['read']],
  ])('DC v1 expand=operations: %s', async (_who, auth, id, expected) => {
    const answer = await call(`${emulator.url}/rest/api/content/${id}?expand=operations`, {
      auth,
    });
    expect(operationsOf(answer.json)).toEqual(expected);
  });

  it('a page the user may not see is 404, not an empty list', async () => {
    const answer = await call(`${emulator.url}/wiki/api/v2/pages/9470049/operations`, {
      auth: CLOUD_READER,
    });
    expect(answer.status).toBe(404);
  });
});

describe('minor edits', () => {
  async function putV1(prefix: string, auth: string, minorEdit: boolean) {
    const page = await call(
      `${emulator.url}${prefix}/content/9470046?expand=version,body.storage`,
      {
        auth,
      },
    );
    const answer = await call(`${emulator.url}${prefix}/content/9470046`, {
      method: 'PUT',
      auth,
      body: {
        type: 'page',
        title: page.json.title,
        version: { number: page.json.version.number + 1, minorEdit },
        body: { storage: { value: '<p>minor</p>', representation: 'storage' } },
      },
    });
    return answer.json.version.minorEdit as boolean;
  }

  it('Cloud v1 and DC v1 store minorEdit as sent', async () => {
    expect(await putV1('/wiki/rest/api', CLOUD_DEMO, true)).toBe(true);
    expect(await putV1('/rest/api', DC_DEMO, true)).toBe(true);
    expect(await putV1('/rest/api', DC_DEMO, false)).toBe(false);
  });

  it('v2 ignores minorEdit, as Cloud does', async () => {
    const page = await call(`${emulator.url}/wiki/api/v2/pages/9470045?body-format=storage`, {
      auth: CLOUD_DEMO,
    });
    const answer = await call(`${emulator.url}/wiki/api/v2/pages/9470045`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: {
        id: '9470045',
        status: 'current',
        title: page.json.title,
        body: { representation: 'storage', value: '<p>v2</p>' },
        version: { number: page.json.version.number + 1, minorEdit: true },
      },
    });
    expect(answer.json.version.minorEdit).toBe(false);
  });
});
