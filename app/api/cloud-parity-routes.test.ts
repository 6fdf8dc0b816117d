import { beforeAll, describe, expect, it } from 'vitest';

import { GET as attachmentRoute } from './pages/[id]/attachments/[filename]/route';
import { GET as permissionsRoute } from './pages/[id]/permissions/route';
import { GET as titleCheckRoute } from './pages/[id]/title-check/route';
import { GET as resolveRoute } from './pages/resolve/route';
import { POST as renderRoute } from './render/route';
import { GET as resourceRoute } from './resources/route';
import { GET as namesRoute } from './users/names/route';
import {
  APP,
  DEMO_DC_PASSWORD,
  json,
  params,
  signInCookie,
  startDemoEmulatorPerFile,
} from './route-test-support';

/** The routes behind Cloud parity, in process against the emulator, on both flavours. */
const emulator = startDemoEmulatorPerFile();

const flavours = [
  [
    'Data Center',
    DEMO_DC_PASSWORD,
    { method: 'dc-password', username: 'reader', password: 'reader' },
  ],
  [
    'Cloud',
    { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' },
    { method: 'cloud-token', email: 'reader@example.com', token: 'reader-token' },
  ],
] as const;

describe.each(flavours)('%s', (flavourName, demo, reader) => {
  let cookie = '';
  let readerCookie = '';
  beforeAll(async () => {
    await emulator().reset();
    cookie = await signInCookie(demo);
    readerCookie = await signInCookie(reader);
  });

  const get = (url: string, as = cookie, headers: Record<string, string> = {}) =>
    new Request(`${APP}${url}`, { headers: { cookie: as, ...headers } });

  it('the title check finds "Roadmap" when asked for "roadmap"', async () => {
    const response = await titleCheckRoute(
      get('/api/pages/9470040/title-check?title=roadmap&spaceKey=DEMO'),
      params({ id: '9470040' }),
    );
    expect(await response.json()).toMatchObject({
      free: false,
      clash: { id: '9470048', title: 'Roadmap' },
    });
  });

  it.each([
    ['Robin Reader', 'reader', '9470040', 'space-permission'],
    ['Demo User', 'demo', '9470050', 'page-restriction'],
    ['Demo User', 'demo', '9470040', null],
  ] as const)('says whether %s may edit %s, and why not', async (_name, who, id, cause) => {
    const response = await permissionsRoute(
      get(`/api/pages/${id}/permissions`, who === 'reader' ? readerCookie : cookie),
      params({ id }),
    );
    const answer = await response.json();
    expect(answer.canEdit).toBe(cause === null);
    expect(answer.cause).toBe(cause);
    expect(answer.reason === null).toBe(cause === null);
    if (cause === 'page-restriction') expect(answer.reason).toContain('only Alex Other may edit');
  });

  it('knows the signed-in user: a restriction that names them leaves the space to blame', async () => {
    emulator().permissions.restrictPageEditing('9470040', ['demo']);
    emulator().permissions.setSpaceEditors('DEMO', ['alex']);
    try {
      const response = await permissionsRoute(
        get('/api/pages/9470040/permissions'),
        params({ id: '9470040' }),
      );
      expect(await response.json()).toMatchObject({
        canEdit: false,
        cause: 'space-permission',
        reason: 'Your account has no permission to edit pages in this space.',
      });
    } finally {
      emulator().permissions.restrictPageEditing('9470040', null);
      emulator().permissions.setSpaceEditors('DEMO', null);
    }
  });

  it('names mentioned people', async () => {
    const id =
      flavourName === 'Cloud' ? '5f3a1b2c3d4e5f6a7b8c9d02' : '8a7f808a8f1c2d3e018f1c2d3e4f0002';
    const response = await namesRoute(get(`/api/users/names?id=${id}`));
    expect(await response.json()).toEqual({ names: { [id]: 'Alex Other' } });
    const bad = await namesRoute(get('/api/users/names?id=%3Cscript%3E'));
    expect(bad.status).toBe(400);
  });

  it('refuses a link to another site, naming both', async () => {
    const response = await resolveRoute(
      get(
        `/api/pages/resolve?url=${encodeURIComponent('https://acme.atlassian.net/wiki/spaces/X/pages/9470040')}`,
      ),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('acme.atlassian.net');
    expect(error.message).toContain(new URL(emulator().url).host);
  });

  it('renders in the page context: attachments, the SVG and emoticons all come through our proxies', async () => {
    const response = await renderRoute(
      new Request(`${APP}/api/render`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({
          pageId: '9470043',
          body:
            '<p><ac:image><ri:attachment ri:filename="gradient.png" /></ac:image>' +
            '<ac:image><ri:attachment ri:filename="diagram.svg" /></ac:image>' +
            '<ac:emoticon ac:name="smile" /></p>',
        }),
      }),
    );
    const { html } = (await response.json()) as { html: string };
    expect(html).toContain('src="/api/pages/9470043/attachments/gradient.png"');
    expect(html).toContain('src="/api/pages/9470043/attachments/diagram.svg"');
    expect(html).not.toContain('unknown-attachment');
    const sources = [...html.matchAll(/ src="([^"]*)"/g)].map((m) => m[1]!);
    expect(sources.every((src) => src.startsWith('/api/'))).toBe(true);

    const emoticon = sources.find((src) => src.startsWith('/api/resources'))!;
    const image = await resourceRoute(get(emoticon, cookie, { 'sec-fetch-dest': 'image' }));
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves an SVG attachment as an image to image loads only', async () => {
    const load = (dest: string) =>
      attachmentRoute(
        get('/api/pages/9470043/attachments/diagram.svg', cookie, { 'sec-fetch-dest': dest }),
        params({ id: '9470043', filename: 'diagram.svg' }),
      );
    const asImage = await load('image');
    expect(asImage.headers.get('content-type')).toBe('image/svg+xml');
    expect(asImage.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(asImage.headers.get('content-security-policy')).toContain('sandbox');
    const asPage = await load('document');
    expect(asPage.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('the resource proxy refuses API paths', async () => {
    const response = await resourceRoute(
      get(`/api/resources?path=${encodeURIComponent('/rest/api/user/current')}`),
    );
    expect(response.status).toBe(404);
  });
});
