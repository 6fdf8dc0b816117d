import { describe, expect, it } from 'vitest';

import { checkSiteUrl, parseSitePolicy } from './site-policy';

const policy = parseSitePolicy('*.atlassian.net, wiki.corp.example, http://wiki.lan:8090', [
  { url: 'http://127.0.0.1:8090', privateOk: true },
]);

describe('checkSiteUrl (SSRF-1, SSRF-2)', () => {
  it.each([
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://ACME.atlassian.net./wiki/', 'https://acme.atlassian.net/wiki'],
    ['https://a.b.atlassian.net/wiki', 'https://a.b.atlassian.net/wiki'],
    ['https://wiki.corp.example/confluence', 'https://wiki.corp.example/confluence'],
    ['http://wiki.lan:8090', 'http://wiki.lan:8090'],
    ['http://127.0.0.1:8090/confluence', 'http://127.0.0.1:8090/confluence'],
  ])('accepts %s as %s', (input, baseUrl) => {
    const result = checkSiteUrl(input, policy);
    expect(result.ok && result.value.baseUrl).toBe(baseUrl);
  });

  it.each([
    ['https://evilatlassian.net', 'not a Confluence site'],
    ['https://atlassian.net.evil.test', 'not a Confluence site'],
    ['https://x.atlassian.net@evil.test', 'user name'],
    ['https://atlassian.net', 'not a Confluence site'],
    ['file:///etc/passwd', 'Only https://'],
    ['gopher://acme.atlassian.net', 'Only https://'],
    ['http://u:p@acme.atlassian.net', 'user name'],
    ['https://acme.atlassian.net:22', 'not a Confluence site'],
    ['http://acme.atlassian.net', 'not a Confluence site'],
    ['http://wiki.lan:8091', 'not a Confluence site'],
    ['https://acme.atlassian.net/wiki?x=1', 'without ?query'],
    ['https://acme.atlassian.net/#x', 'without ?query'],
    ['https://acme.atlassian.net/a/../../b%2f', 'context path'],
    ['not a url', 'full address'],
    ['https://xn--80ak6aa92e.com', 'not a Confluence site'],
  ])('refuses %s', (input, reason) => {
    const result = checkSiteUrl(input, policy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('marks only operator-configured sites as allowed on private addresses', () => {
    const emulator = checkSiteUrl('http://127.0.0.1:8090', policy);
    const cloud = checkSiteUrl('https://acme.atlassian.net', policy);
    expect(emulator.ok && emulator.value.site.privateOk).toBe(true);
    expect(cloud.ok && cloud.value.site.privateOk).toBe(false);
  });
});
