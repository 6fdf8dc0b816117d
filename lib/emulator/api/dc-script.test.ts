import { afterAll, beforeAll, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';

/**
 * What a typical Data Center publishing script does, with plain fetch and a PAT: read the
 * version, read the ancestors, PUT version+1 naming the last ancestor as parent (as mark does).
 */
let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());

it('runs the seed-style update script unchanged against /confluence/rest/api', async () => {
  const api = `${emulator.url}/confluence/rest/api`;
  const headers = {
    Authorization: 'Bearer demo-pat',
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  const page = await (
    await fetch(`${api}/content/9470046?expand=version,ancestors`, { headers })
  ).json();
  const parent = page.ancestors[page.ancestors.length - 1];
  expect(parent.title).toBe('Tree level 2');
  const response = await fetch(`${api}/content/9470046`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      id: page.id,
      type: 'page',
      title: page.title,
      ancestors: [{ id: parent.id }],
      version: { number: page.version.number + 1, message: 'scripted' },
      body: { storage: { value: '<p>Published by a script.</p>', representation: 'storage' } },
    }),
  });
  expect(response.status).toBe(200);
  const saved = await response.json();
  expect(saved.version.number).toBe(page.version.number + 1);
  expect(saved.ancestors.map((a: { id: string }) => a.id)).toEqual([
    '9469953',
    '9470044',
    '9470045',
  ]);
  const again = await fetch(`${api}/content/9470046`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      type: 'page',
      title: page.title,
      version: { number: page.version.number + 1 },
    }),
  });
  expect(again.status).toBe(409);
});
