import { describe, expect, it } from 'vitest';

import { checkSiteUrl, parseSiteAddress, parseSitePolicy } from './site-policy';
import { LOOPBACK_SITE, LOOPBACK_SITE_SPELLINGS } from './testing/site-spellings';

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
    ['https://:secret@acme.atlassian.net', 'user name'],
    ['https://acme.atlassian.net:22', 'not a Confluence site'],
    ['http://acme.atlassian.net', 'not a Confluence site'],
    ['http://wiki.lan:8091', 'not a Confluence site'],
    ['http://wiki.lan', 'not a Confluence site'],
    ['http://wiki.lan:80', 'not a Confluence site'],
    ['https://wiki.lan', 'not a Confluence site'],
    ['http://127.0.0.1', 'not a Confluence site'],
    ['https://wiki.corp.example:8443', 'not a Confluence site'],
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

describe('allow-list ports (an explicit port means that port only)', () => {
  it.each([
    ['http://wiki.lan:8090', true],
    ['https://wiki.lan:8090', true],
    ['http://wiki.lan', false],
    ['http://wiki.lan:80', false],
    ['http://wiki.lan:8091', false],
    ['https://wiki.corp.example', true],
    ['https://wiki.corp.example:443', true],
    ['https://wiki.corp.example:8443', false],
  ])('%s admitted: %s', (input, admitted) => {
    expect(checkSiteUrl(input, policy).ok).toBe(admitted);
  });
});

describe('parseSiteAddress: one origin for every spelling of a site', () => {
  it.each(LOOPBACK_SITE_SPELLINGS)('%j is http://127.0.0.1:8090', (input) => {
    const parsed = parseSiteAddress(input);
    expect(parsed.ok && parsed.value.origin).toBe(LOOPBACK_SITE);
  });

  it.each([
    'https://wiki.corp.example',
    'https://WIKI.corp.example.',
    'https://wiki.corp.example:443/',
    '\thttps://wiki.corp.example/confluence',
  ])('%j is https://wiki.corp.example', (input) => {
    const parsed = parseSiteAddress(input);
    expect(parsed.ok && parsed.value.origin).toBe('https://wiki.corp.example');
  });

  it.each([
    ['https://admin:hunter2@wiki.corp.example', 'userinfo'],
    ['https://admin@wiki.corp.example', 'userinfo'],
    ['https://wiki.corp.example/?token=x', 'query'],
    ['ftp://wiki.corp.example', 'scheme'],
    ['wiki.corp.example', 'malformed'],
  ])('refuses %j (%s)', (input, problem) => {
    const parsed = parseSiteAddress(input);
    expect(!parsed.ok && parsed.problem).toBe(problem);
  });

  it('says specifically that credentials do not belong in the address', () => {
    const parsed = parseSiteAddress('https://admin:hunter2@wiki.corp.example');
    expect(!parsed.ok && parsed.reason).toMatch(/must not contain a user name or password/);
    expect(!parsed.ok && parsed.reason).not.toContain('hunter2');
  });
});
