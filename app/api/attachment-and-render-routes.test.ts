import { describe, expect, it } from 'vitest';

import { GET as getAttachmentRoute } from './pages/[id]/attachments/[filename]/route';
import { POST as renderRoute } from './render/route';
import {
  APP,
  flavours,
  json,
  params,
  SANDBOX,
  signIn,
  startDemoEmulatorPerFile,
} from './route-test-support';

/** Attachment images streamed through the app, and Confluence's own renderer, in both flavours. */
startDemoEmulatorPerFile();

describe('attachments and Confluence rendering', () => {
  it.each(flavours)('streams an attachment image (%s)', async (_name, credentials) => {
    const { cookie } = await signIn(credentials);
    const response = await getAttachmentRoute(
      new Request(`${APP}/api/pages/9470043/attachments/gradient.png`, { headers: { cookie } }),
      params({ id: '9470043', filename: 'gradient.png' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.each(flavours)(
    "renders through Confluence's converter and reports its parse errors (%s)",
    async (_name, credentials) => {
      const { cookie } = await signIn(credentials);
      const render = (body: string) =>
        renderRoute(
          new Request(`${APP}/api/render`, {
            method: 'POST',
            headers: { ...json, cookie },
            body: JSON.stringify({ body, pageId: SANDBOX }),
          }),
        );
      const ok = await render('<p>Hello <strong>world</strong></p>');
      expect(ok.status).toBe(200);
      expect((await ok.json()).html).toContain('<strong>world</strong>');
      const bad = await render('<p>a<br></p>');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.details.diagnostics[0]).toMatchObject({ line: 1 });
    },
  );
});
