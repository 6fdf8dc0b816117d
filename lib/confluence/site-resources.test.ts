import { describe, expect, it } from 'vitest';

import { downloadSiteResource } from './site-resources';
import type { ConfluenceTransport } from './transport';

/** A transport that records the path it was asked for. */
function recorder(): { http: ConfluenceTransport; paths: string[] } {
  const paths: string[] = [];
  const http = {
    download: async (path: string) => {
      paths.push(path);
      return { contentType: 'image/png', bytes: Buffer.alloc(0) };
    },
  } as unknown as ConfluenceTransport;
  return { http, paths };
}

describe('downloadSiteResource', () => {
  it('fetches images, icons and placeholders below the site, Cloud and Data Center', async () => {
    const { http, paths } = recorder();
    await downloadSiteResource(http, 'https://acme.atlassian.net', '/wiki/images/icons/x.svg');
    await downloadSiteResource(
      http,
      'https://wiki.corp.example/confluence',
      '/confluence/plugins/servlet/confluence/placeholder/unknown-attachment?locale=en_GB',
    );
    expect(paths).toEqual([
      'wiki/images/icons/x.svg',
      'plugins/servlet/confluence/placeholder/unknown-attachment?locale=en_GB',
    ]);
  });

  it.each([
    '/wiki/rest/api/content/1',
    '/wiki/api/v2/pages/1',
    '/wiki/images/../rest/api/user/current',
    '/wiki/images/%2e%2e/rest/api/user/current',
    '//evil.example/images/x.png',
    '/other-context/images/x.png',
  ])('refuses %s', async (path) => {
    const { http, paths } = recorder();
    const base = path.startsWith('/other')
      ? 'https://wiki.corp.example/confluence'
      : 'https://acme.atlassian.net';
    await expect(downloadSiteResource(http, base, path)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(paths).toEqual([]);
  });
});
