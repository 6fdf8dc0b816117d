import { describe, expect, it } from 'vitest';

import { rewriteViewResources, rewriteViewUrl } from './view-resources';

const CLOUD = { siteBaseUrl: 'https://acme.atlassian.net/wiki' };
const DC = { siteBaseUrl: 'https://wiki.corp.example/confluence' };

describe('rewriteViewUrl', () => {
  it.each([
    [
      'src',
      '/wiki/download/attachments/9470043/gradient.png?version=1&modificationDate=1&api=v2',
      '/api/pages/9470043/attachments/gradient.png',
    ],
    [
      'src',
      'https://acme.atlassian.net/wiki/download/thumbnails/9470043/my%20photo.png?api=v2',
      '/api/pages/9470043/attachments/my%20photo.png',
    ],
    [
      'src',
      '/wiki/images/icons/emoticons/smile.svg',
      '/api/resources?path=%2Fwiki%2Fimages%2Ficons%2Femoticons%2Fsmile.svg',
    ],
    [
      'src',
      '/wiki/plugins/servlet/confluence/placeholder/unknown-attachment?locale=en_GB',
      '/api/resources?path=%2Fwiki%2Fplugins%2Fservlet%2Fconfluence%2Fplaceholder%2Funknown-attachment%3Flocale%3Den_GB',
    ],
    [
      'href',
      '/wiki/spaces/DEMO/pages/1/Home',
      'https://acme.atlassian.net/wiki/spaces/DEMO/pages/1/Home',
    ],
    ['href', '#Sandbox-top', '#Sandbox-top'],
    ['src', 'https://images.example.test/cat.png', 'https://images.example.test/cat.png'],
    ['href', 'mailto:someone@example.com', 'mailto:someone@example.com'],
  ])('%s=%s on Cloud → %s', (attribute, value, expected) => {
    expect(rewriteViewUrl(attribute, value, CLOUD)).toBe(expected);
  });

  it('drops script and data URLs from resources', () => {
    expect(rewriteViewUrl('src', 'javascript:alert(1)', CLOUD)).toBeNull();
    expect(rewriteViewUrl('href', 'javascript:alert(1)', CLOUD)).toBeNull();
    expect(rewriteViewUrl('src', 'data:image/svg+xml,<svg/>', CLOUD)).toBeNull();
  });

  it('resolves Data Center URLs against its context path', () => {
    expect(rewriteViewUrl('src', '/confluence/download/attachments/42/a.png?version=2', DC)).toBe(
      '/api/pages/42/attachments/a.png',
    );
    expect(rewriteViewUrl('src', '/confluence/images/icons/emoticons/smile.png', DC)).toBe(
      '/api/resources?path=%2Fconfluence%2Fimages%2Ficons%2Femoticons%2Fsmile.png',
    );
  });
});

describe('rewriteViewResources', () => {
  it('rewrites every URL attribute, keeps entities right and drops srcset', () => {
    const html =
      '<p><img class="emoticon" src="/wiki/images/icons/emoticons/smile.svg" />' +
      '<img src="/wiki/download/attachments/7/a.png?version=1&amp;api=v2" data-image-src="/wiki/download/attachments/7/a.png?version=1&amp;api=v2" srcset="/wiki/x.png 2x" />' +
      "<a href='/wiki/spaces/D/pages/7/T?a=1&amp;b=2'>t</a></p>";
    expect(rewriteViewResources(html, CLOUD)).toBe(
      '<p><img class="emoticon" src="/api/resources?path=%2Fwiki%2Fimages%2Ficons%2Femoticons%2Fsmile.svg" />' +
        '<img src="/api/pages/7/attachments/a.png" data-image-src="/api/pages/7/attachments/a.png" />' +
        '<a href="https://acme.atlassian.net/wiki/spaces/D/pages/7/T?a=1&amp;b=2">t</a></p>',
    );
  });

  it('leaves no URL that would load from the app origin', () => {
    const html =
      '<img src="/wiki/s/123/_/images/icons/x.png"><img src="//evil.example/x.png"><a href="/wiki/x">x</a>';
    const out = rewriteViewResources(html, CLOUD);
    const urls = [...out.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.every((url) => url.startsWith('/api/') || /^https?:\/\//.test(url))).toBe(true);
  });
});
