import { ConfluenceClient } from 'confluence.js';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';

/** A real client nobody here wrote (confluence.js 2.1.0, Cloud v1) drives the emulator unchanged. */
let emulator: EmulatorHandle;
let client: ConfluenceClient;

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
  client = new ConfluenceClient({
    host: emulator.url,
    authentication: { basic: { email: 'demo@example.com', apiToken: 'demo-token' } },
  });
});
afterAll(async () => emulator.close());

it('gets content with expand, updates with version+1, and sees a 409 on a stale version', async () => {
  const page = await client.content.getContentById({
    id: '9470040',
    expand: ['body.storage', 'version', 'ancestors', 'space'],
  });
  expect(page.title).toBe('Sandbox');
  expect(page.space?.key).toBe('DEMO');
  expect(page.body?.storage?.value).toContain('<h1>Sandbox</h1>');
  expect(page.ancestors?.map((ancestor) => ancestor.title)).toEqual(['Demo Home']);
  const current = page.version!.number!;

  const updated = await client.content.updateContent({
    id: page.id,
    title: page.title,
    type: 'page',
    version: { number: current + 1, message: 'from confluence.js' },
    body: { storage: { value: '<p>Updated by confluence.js</p>', representation: 'storage' } },
  });
  expect(updated.version?.number).toBe(current + 1);
  expect(updated.version?.message).toBe('from confluence.js');

  const stale = client.content.updateContent({
    id: page.id,
    title: page.title,
    type: 'page',
    version: { number: current + 1 },
    body: { storage: { value: '<p>Lost update</p>', representation: 'storage' } },
  });
  // confluence.js 2.x rejects with the error body Confluence sent.
  await expect(stale).rejects.toMatchObject({
    statusCode: 409,
    message: `com.atlassian.confluence.api.service.exceptions.ConflictException: Version must be incremented on update. Current version is: ${current + 1}`,
  });
});

it('searches by CQL and converts storage to view through the client', async () => {
  const found = await client.content.searchContentByCQL({
    cql: 'space = "DEMO" and title = "Roadmap"',
  });
  expect(found.results.map((result) => result.id)).toEqual(['9470048']);
  const converted = await client.contentBody.convertContentBody({
    to: 'view',
    value:
      '<ac:structured-macro ac:name="note"><ac:rich-text-body><p>Careful</p></ac:rich-text-body></ac:structured-macro>',
    representation: 'storage',
  });
  expect(converted.value).toContain('confluence-information-macro-note');
});
