import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, DC_DEMO, DC_READER, call, v1Update } from '../testing/clients';

/** Every v1 error text in the catalogue (docs/confluence-api.md §2.3), produced by the matching request. */
let emulator: EmulatorHandle;
let dc: string;
let cloud: string;

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
  dc = `${emulator.url}/rest/api`;
  cloud = `${emulator.url}/wiki/rest/api`;
});
afterAll(async () => emulator.close());

describe('v1 PUT /content/{id} errors, Data Center wording', () => {
  it('400 without a version', async () => {
    const answer = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: { type: 'page', title: 'Sandbox' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      statusCode: 400,
      data: {
        authorized: false,
        valid: true,
        allowedInReadOnlyMode: true,
        errors: [],
        successful: false,
      },
      message: 'Must supply an incremented version when updating Content. No version supplied.',
      reason: 'Bad Request',
    });
  });

  it('409 on a stale version', async () => {
    const answer = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470040', 'Sandbox', 3, '<p>x</p>'),
    });
    expect(answer.status).toBe(409);
    expect(answer.json.message).toBe(
      'Version must be incremented on update. Current version is: 3',
    );
    expect(answer.json.reason).toBe('Conflict');
  });

  it('400 with Woodstox wording and Confluence row/col on bad XHTML', async () => {
    const body = '<p>Line<br>more</p>';
    const answer = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470040', 'Sandbox', 4, body),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(
      'Error parsing xhtml: Unexpected close tag </p>; expected </br>.\n at [row,col {unknown-source}]: [1,378]',
    );
  });

  it('400 on a title clash, naming title and space', async () => {
    const answer = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470040', 'Release notes', 4, '<p>x</p>'),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(
      'A page with this title already exists: A page already exists with the title Release notes in the space with key DEMO',
    );
  });

  it('404 for an unknown id and for a page the user may not see', async () => {
    const unknown = await call(`${dc}/content/954415933`, { auth: DC_DEMO });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('No content found with id: ContentId{id=954415933}');
    const hidden = await call(`${dc}/content/9470049`, { auth: DC_READER });
    expect(hidden.status).toBe(404);
    expect(hidden.json.message).toBe('No content found with id: ContentId{id=9470049}');
    expect((await call(`${dc}/content/9470049`, { auth: DC_DEMO })).status).toBe(200);
  });

  it('403 when the user may not edit', async () => {
    const locked = await call(`${dc}/content/9470050`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470050', 'Locked policy', 2, '<p>x</p>'),
    });
    expect(locked.status).toBe(403);
    expect(locked.json.message).toBe(
      'Could not update Content of type : class com.atlassian.confluence.pages.Page with id 9470050',
    );
    const reader = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_READER,
      body: v1Update('9470040', 'Sandbox', 4, '<p>x</p>'),
    });
    expect(reader.status).toBe(403);
  });

  it('404 for an unknown space', async () => {
    const answer = await call(`${dc}/space/TST`, { auth: DC_DEMO });
    expect(answer.status).toBe(404);
    expect(answer.json.message).toBe('No space with key : TST');
  });

  it('401 as Tomcat HTML for bad DC credentials (PAT sent as Basic)', async () => {
    const auth = `Basic ${Buffer.from('demo:demo-pat').toString('base64')}`;
    const answer = await call(`${dc}/content/9470040`, { auth });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('Basic Authentication Failure - Reason : AUTHENTICATED_FAILED');
  });

  it('413 above 5 MiB', async () => {
    const body = v1Update('9470040', 'Sandbox', 4, `<p>${'x'.repeat(5_300_000)}</p>`);
    const answer = await call(`${dc}/content/9470040`, { method: 'PUT', auth: DC_DEMO, body });
    expect(answer.status).toBe(413);
    expect(answer.json.message).toBe('Requests for this resource can be at most 5242880 bytes');
  });
});

describe('v1 errors, Cloud wording', () => {
  const prefix = 'com.atlassian.confluence.api.service.exceptions.';

  it('prefixes the exception class and drops reason/allowedInReadOnlyMode', async () => {
    const answer = await call(`${cloud}/content/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: v1Update('9470040', 'Sandbox', 3, '<p>x</p>'),
    });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({
      statusCode: 409,
      data: { authorized: false, valid: true, errors: [], successful: false },
      message: `${prefix}ConflictException: Version must be incremented on update. Current version is: 3`,
    });
  });

  it('xhtml error as in terraform-provider-confluence #7', async () => {
    const body = '<p>Paragraph one</p><p>Paragraph two';
    const answer = await call(`${cloud}/content/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: v1Update('9470040', 'Sandbox', 4, body),
    });
    expect(answer.json.message).toBe(
      `${prefix}BadRequestException: Error parsing xhtml: Unexpected close tag </xml>; expected </p>.\n at [row,col {unknown-source}]: [1,401]`,
    );
  });

  it('title clash uses the 2025 Cloud wording', async () => {
    const answer = await call(`${cloud}/content/9470040`, {
      method: 'PUT',
      auth: CLOUD_DEMO,
      body: v1Update('9470040', 'roadmap', 4, '<p>x</p>'),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(
      `${prefix}api.BadRequestException: A page with this title already exists: A page already exists with the same TITLE in this space`,
    );
  });

  it('410 Gone for v1 content when the fault is on, with deprecation headers', async () => {
    emulator.setFaults({ cloudV1Gone: true });
    try {
      const answer = await call(`${cloud}/content/9470040`, { auth: CLOUD_DEMO });
      expect(answer.status).toBe(410);
      expect(answer.json.message).toBe(
        `${prefix}GoneException: This deprecated endpoint has been removed.`,
      );
      expect(answer.headers.get('deprecation')).toBe('Wed, 1 Mar 2023 00:00:00 GMT');
      expect((await call(`${cloud}/user/current`, { auth: CLOUD_DEMO })).status).toBe(200);
      expect(
        (await call(`${emulator.url}/rest/api/content/9470040`, { auth: DC_DEMO })).status,
      ).toBe(200);
    } finally {
      emulator.clearFaults();
    }
  });

  it('401 plain text for Basic with a password instead of a token', async () => {
    const auth = `Basic ${Buffer.from('demo@example.com:hunter2').toString('base64')}`;
    const answer = await call(`${cloud}/content/9470040`, { auth });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    expect(answer.text).toMatch(
      /^Basic authentication with passwords is deprecated\.  For more information, see: https:/,
    );
  });

  it('401 JSON for an unknown bearer token', async () => {
    const answer = await call(`${cloud}/content/9470040`, { auth: 'Bearer nope' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('user/current is anonymous without credentials, on both flavours', async () => {
    expect((await call(`${cloud}/user/current`)).json.type).toBe('anonymous');
    expect((await call(`${dc}/user/current`)).json.type).toBe('anonymous');
    expect((await call(`${dc}/content/9470040`)).status).toBe(401);
  });
});
