import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, DC_DEMO, DC_PAT, call, v1Update } from '../testing/clients';

let emulator: EmulatorHandle;
let dc: string;

beforeEach(async () => {
  emulator = await startEmulator({ dataFile: null });
  dc = `${emulator.url}/rest/api`;
});
afterEach(async () => emulator.close());

describe('GET /content/{id}', () => {
  it('expands the defaults (space, history, version) and lists the rest in _expandable', async () => {
    const { json } = await call(`${dc}/content/9470040`, { auth: DC_PAT });
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['id', 'type', 'status', 'title', 'space', 'history', 'version']),
    );
    expect(json.body).toBeUndefined();
    expect(json.ancestors).toBeUndefined();
    expect(json._expandable.body).toBe('');
    expect(json._expandable.ancestors).toBe('');
    expect(json._expandable.space).toBeUndefined();
    expect(json._links).toMatchObject({
      base: emulator.url,
      context: '',
      webui: '/display/DEMO/Sandbox',
      tinyui: '/x/WICQ',
    });
  });

  it('returns only what expand asks for; ancestors run root → parent', async () => {
    const { json } = await call(`${dc}/content/9470046?expand=body.storage,ancestors`, {
      auth: DC_DEMO,
    });
    expect(json.version).toBeUndefined();
    expect(json.body.storage).toMatchObject({
      representation: 'storage',
      value: expect.stringContaining('Level 3'),
    });
    expect(json.body._expandable.view).toBe('');
    expect(json.ancestors.map((a: { title: string }) => a.title)).toEqual([
      'Demo Home',
      'Tree level 1',
      'Tree level 2',
    ]);
  });

  it('serves the context path /confluence with matching _links', async () => {
    const { json } = await call(`${emulator.url}/confluence/rest/api/content/9470040`, {
      auth: DC_DEMO,
    });
    expect(json._links.base).toBe(`${emulator.url}/confluence`);
    expect(json._links.context).toBe('/confluence');
  });

  it('reads historical versions with status=historical&version=N', async () => {
    const { json } = await call(
      `${dc}/content/9470040?status=historical&version=1&expand=body.storage,version`,
      { auth: DC_DEMO },
    );
    expect(json.status).toBe('historical');
    expect(json.version.number).toBe(1);
    expect(json.body.storage.value).toBe('<p>Version 1 of Sandbox.</p>');
  });

  it('renders body.view with Confluence classes', async () => {
    const { json } = await call(`${dc}/content/9470040?expand=body.view`, { auth: DC_DEMO });
    expect(json.body.view.value).toContain('<table class="confluenceTable">');
    expect(json.body.view.value).toContain('confluence-information-macro-information');
  });
});

describe('title lookup, children, search', () => {
  it('finds a page by space and title (status current)', async () => {
    const { json } = await call(
      `${dc}/content?spaceKey=DEMO&title=Sandbox&status=current&expand=version`,
      { auth: DC_DEMO },
    );
    expect(json.size).toBe(1);
    expect(json.results[0]).toMatchObject({ id: '9470040', version: { number: 3 } });
    expect(
      (await call(`${dc}/content?spaceKey=DEMO&title=Nope`, { auth: DC_DEMO })).json.results,
    ).toEqual([]);
  });

  it('lists child pages', async () => {
    const { json } = await call(`${dc}/content/9470044/child/page`, { auth: DC_DEMO });
    expect(json.results.map((page: { id: string }) => page.id)).toEqual(['9470045']);
  });

  it('searches with the CQL subset', async () => {
    const cql = encodeURIComponent('space = "DEMO" and title = "Sandbox" and type = page');
    const { json } = await call(`${dc}/content/search?cql=${cql}`, { auth: DC_DEMO });
    expect(json.results.map((page: { id: string }) => page.id)).toEqual(['9470040']);
    const bad = await call(`${dc}/content/search?cql=${encodeURIComponent('label = x')}`, {
      auth: DC_DEMO,
    });
    expect(bad.status).toBe(400);
  });
});

describe('PUT /content/{id}', () => {
  it('saves version+1 with message and minorEdit, keeping the parent when ancestors is omitted', async () => {
    const update = v1Update('9470040', 'Sandbox', 4, '<p>new</p>', {
      version: { number: 4, message: 'tidy', minorEdit: true },
    });
    const saved = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: update,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toMatchObject({ number: 4, message: 'tidy', minorEdit: true });
    expect(saved.json.body.storage.value).toBe('<p>new</p>');
    expect(saved.json.ancestors.at(-1).id).toBe('9469953');
  });

  it('moves the page to the last ancestor given', async () => {
    const update = v1Update('9470040', 'Sandbox', 4, '<p>moved</p>', {
      ancestors: [{ id: 9470044 }],
    });
    const saved = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: update,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.ancestors.map((a: { id: string }) => a.id)).toEqual(['9469953', '9470044']);
  });

  it('renames when the new title is free', async () => {
    const saved = await call(`${dc}/content/9470040`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update('9470040', 'Sandbox 2', 4, '<p>x</p>'),
    });
    expect(saved.json.title).toBe('Sandbox 2');
  });
});

describe('attachments', () => {
  it('lists by filename and downloads the bytes with the right type', async () => {
    const { json } = await call(`${dc}/content/9470043/child/attachment?filename=gradient.png`, {
      auth: DC_DEMO,
    });
    expect(json.results).toHaveLength(1);
    const attachment = json.results[0];
    expect(attachment).toMatchObject({
      id: 'att9470060',
      title: 'gradient.png',
      metadata: { mediaType: 'image/png' },
    });
    expect(attachment._links.download).toMatch(
      /^\/download\/attachments\/9470043\/gradient\.png\?version=1&modificationDate=\d+&api=v2$/,
    );
    const response = await fetch(`${emulator.url}${attachment._links.download}`, {
      headers: { Authorization: DC_DEMO },
    });
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBe(attachment.extensions.fileSize);
  });

  it('needs credentials for downloads (Cloud path too)', async () => {
    expect(
      (await fetch(`${emulator.url}/wiki/download/attachments/9470043/notes.txt`)).status,
    ).toBe(401);
    const ok = await fetch(`${emulator.url}/wiki/download/attachments/9470043/notes.txt`, {
      headers: { Authorization: CLOUD_DEMO },
    });
    expect(await ok.text()).toContain('Meeting notes');
  });
});

describe('versions and convert', () => {
  it('lists versions newest first', async () => {
    const { json } = await call(`${emulator.url}/wiki/rest/api/content/9470040/version`, {
      auth: CLOUD_DEMO,
    });
    expect(json.results.map((version: { number: number }) => version.number)).toEqual([3, 2, 1]);
  });

  it('converts storage to view, and answers 400 with the parse error', async () => {
    const url = `${dc}/contentbody/convert/view?contentIdContext=9470043`;
    const good = await call(url, {
      method: 'POST',
      auth: DC_DEMO,
      body: {
        value: '<p>a &amp; b<ac:image><ri:attachment ri:filename="gradient.png" /></ac:image></p>',
        representation: 'storage',
      },
    });
    expect(good.status).toBe(200);
    expect(good.json.value).toContain('a &amp; b');
    expect(good.json.value).toContain('src="/download/attachments/9470043/gradient.png?version=1');
    const bad = await call(url, {
      method: 'POST',
      auth: DC_DEMO,
      body: { value: '<p>a & b</p>', representation: 'storage' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      "Error parsing xhtml: Unexpected character ' ' (code 32) (missing name?)\n at [row,col {unknown-source}]: [1,367]",
    );
  });
});
