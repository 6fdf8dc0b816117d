import { describe, expect, it } from 'vitest';

import { multipartStream } from '@/lib/confluence/attachments-upload';

import { multipartBoundary, parseMultipart } from './multipart';

/** The app's streamed multipart body, read back by the emulator's parser. */
describe('multipart body', () => {
  it.each([['plain.png'], ['say "hi" & <b>.png'], ['ünïcödé 图.png']])(
    'names %j so that a multipart parser reads the same name back',
    async (filename) => {
      const body = new Blob([new Uint8Array([1, 2, 3])]).stream();
      const multipart = multipartStream({ filename, contentType: 'image/png', body, maxBytes: 10 });
      const bytes = Buffer.from(await new Response(multipart.stream).arrayBuffer());
      const parts = parseMultipart(
        bytes,
        multipartBoundary(`multipart/form-data; boundary=${multipart.boundary}`)!,
      );
      expect(parts?.[0]).toMatchObject({ name: 'file', filename, contentType: 'image/png' });
      expect([...parts![0]!.data]).toEqual([1, 2, 3]);
      expect(parts?.[1]).toMatchObject({ name: 'minorEdit' });
    },
  );

  it('sends an odd content type as application/octet-stream', async () => {
    const multipart = multipartStream({
      filename: 'a.bin',
      contentType: 'text/html\r\nX-Injected: 1',
      body: new Blob([]).stream(),
      maxBytes: 10,
    });
    const text = await new Response(multipart.stream).text();
    expect(text).toContain('Content-Type: application/octet-stream');
    expect(text).not.toContain('X-Injected');
  });
});
