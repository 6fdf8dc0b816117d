import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, CLOUD_READER, DC_DEMO, call } from '../testing/clients';
import { OpenApiValidator } from '../testing/openapi-validator';

/** Page restrictions (v1, Cloud and Data Center) and the permissions the admin API sets. */
let emulator: EmulatorHandle;
const validator = new OpenApiValidator();

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await emulator.reset();
});

const SANDBOX = '9470040';
const LOCKED_POLICY = '9470050';
const PRIVATE_NOTES = '9470049';
const RESTRICTION_PATH = '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}';

const cloudRestriction = (id: string, operation = 'update', auth = CLOUD_DEMO) =>
  call(`${emulator.url}/wiki/rest/api/content/${id}/restriction/byOperation/${operation}`, {
    auth,
  });

function userNames(json: { restrictions: { user: { results: Array<{ displayName: string }> } } }) {
  return json.restrictions.user.results.map((user) => user.displayName);
}

describe('GET /content/{id}/restriction/byOperation/{operationKey}', () => {
  it('Cloud: names who Locked policy is restricted to, in the shape of the v1 OpenAPI document', async () => {
    const answer = await cloudRestriction(LOCKED_POLICY);
    expect(answer.status).toBe(200);
    expect(validator.errors('v1', 'GET', RESTRICTION_PATH, answer.json)).toEqual([]);
    expect(answer.json.operation).toBe('update');
    expect(userNames(answer.json)).toEqual(['Alex Other']);
    expect(answer.json.restrictions.user.results[0].accountId).toBe('5f3a1b2c3d4e5f6a7b8c9d02');
    expect(answer.json.restrictions.group).toMatchObject({ results: [], size: 0 });
  });

  it('Cloud: an unrestricted page lists nobody', async () => {
    const answer = await cloudRestriction(SANDBOX);
    expect(validator.errors('v1', 'GET', RESTRICTION_PATH, answer.json)).toEqual([]);
    expect(answer.json.restrictions.user).toMatchObject({ results: [], size: 0 });
  });

  it('Cloud: the read restriction names the viewers', async () => {
    const answer = await cloudRestriction(PRIVATE_NOTES, 'read');
    expect(userNames(answer.json)).toEqual(['Demo User', 'Alex Other']);
  });

  it('Data Center: the same restriction under /rest/api, people by username and key', async () => {
    const answer = await call(
      `${emulator.url}/rest/api/content/${LOCKED_POLICY}/restriction/byOperation/update`,
      { auth: DC_DEMO },
    );
    expect(answer.status).toBe(200);
    expect(answer.json.restrictions.user.results[0]).toMatchObject({
      username: 'alex',
      displayName: 'Alex Other',
    });
  });

  it('all operations at once, by key', async () => {
    const answer = await call(
      `${emulator.url}/wiki/rest/api/content/${LOCKED_POLICY}/restriction/byOperation`,
      { auth: CLOUD_DEMO },
    );
    expect(
      validator.errors(
        'v1',
        'GET',
        '/wiki/rest/api/content/{id}/restriction/byOperation',
        answer.json,
      ),
    ).toEqual([]);
    expect(Object.keys(answer.json).sort()).toEqual(['read', 'update']);
    expect(userNames(answer.json.update)).toEqual(['Alex Other']);
  });

  it('an operation that cannot be restricted is 400; a page the user may not see is 404', async () => {
    const bad = await cloudRestriction(SANDBOX, 'publish');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('Operation key must be one of read, update');
    const hidden = await cloudRestriction(PRIVATE_NOTES, 'update', CLOUD_READER);
    expect(hidden.status).toBe(404);
  });

  it('is still served on Cloud sites whose v1 content endpoints are gone', async () => {
    emulator.setFaults({ cloudV1Gone: true });
    expect((await cloudRestriction(LOCKED_POLICY)).status).toBe(200);
    const content = await call(`${emulator.url}/wiki/rest/api/content/${LOCKED_POLICY}`, {
      auth: CLOUD_DEMO,
    });
    expect(content.status).toBe(410);
  });
});

describe('permissions set through the admin API', () => {
  const operations = async (id: string) => {
    const answer = await call(`${emulator.url}/wiki/api/v2/pages/${id}/operations`, {
      auth: CLOUD_DEMO,
    });
    return (answer.json.operations as Array<{ operation: string }>).map((o) => o.operation);
  };

  it('a page edit restriction takes update away from everyone else and is listed', async () => {
    const answer = await call(`${emulator.url}/__emulator/pages/${SANDBOX}/restrictions`, {
      method: 'PUT',
      body: { editors: ['alex'] },
    });
    expect(answer.status).toBe(200);
    expect(await operations(SANDBOX)).toEqual(['read']);
    expect(userNames((await cloudRestriction(SANDBOX)).json)).toEqual(['Alex Other']);

    emulator.permissions.restrictPageEditing(SANDBOX, null);
    expect(await operations(SANDBOX)).toContain('update');
  });

  it('a space without edit permission for the user: read only, and no page restriction listed', async () => {
    const answer = await call(`${emulator.url}/__emulator/spaces/DEMO/permissions`, {
      method: 'PUT',
      body: { editors: ['alex'] },
    });
    expect(answer.status).toBe(200);
    expect(await operations(SANDBOX)).toEqual(['read']);
    expect(userNames((await cloudRestriction(SANDBOX)).json)).toEqual([]);
    const save = await call(`${emulator.url}/rest/api/content/${SANDBOX}`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: { type: 'page', title: 'Sandbox', version: { number: 99 } },
    });
    expect(save.status).toBe(403);
    // Another space is not affected.
    expect(await operations('9470101')).toContain('update');
  });

  it('refuses unknown users, pages and spaces with a reason', async () => {
    const unknownUser = await call(`${emulator.url}/__emulator/spaces/DEMO/permissions`, {
      method: 'PUT',
      body: { editors: ['nobody'] },
    });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.json.error).toBe('no such user: nobody');
    const noPage = await call(`${emulator.url}/__emulator/pages/1/restrictions`, {
      method: 'PUT',
      body: { editors: null },
    });
    expect(noPage.status).toBe(404);
    const badBody = await call(`${emulator.url}/__emulator/spaces/DEMO/permissions`, {
      method: 'PUT',
      body: { editors: 'alex' },
    });
    expect(badBody.status).toBe(400);
  });

  it('reset brings back the seed permissions', async () => {
    emulator.permissions.setSpaceEditors('DEMO', ['alex']);
    await emulator.reset();
    expect(await operations(SANDBOX)).toContain('update');
  });
});
