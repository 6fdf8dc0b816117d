import { describe, expect, it } from 'vitest';

import { parsePageReference } from './page-reference';
import { foreignSiteRefusal } from './site-match';
import { parseSitePolicy } from './site-policy';

const policy = parseSitePolicy('*.atlassian.net', [
  { url: 'http://127.0.0.1:8090', privateOk: true },
]);
const SIGNED_IN = 'http://127.0.0.1:8090';

function originOf(input: string): string | undefined {
  const reference = parsePageReference(input);
  return reference.kind === 'invalid' ? undefined : reference.origin;
}

describe('links from another Confluence site', () => {
  it('keeps the site of every URL shape', () => {
    expect(originOf('https://acme.atlassian.net/wiki/spaces/X/pages/9470040')).toBe(
      'https://acme.atlassian.net',
    );
    expect(originOf('https://wiki.example/pages/viewpage.action?pageId=1')).toBe(
      'https://wiki.example',
    );
    expect(originOf('https://wiki.example/display/DEMO/Home')).toBe('https://wiki.example');
    expect(originOf('9470040')).toBeUndefined();
  });

  it('refuses a link to an allowed other site, naming both, and offers to sign in there', () => {
    const refusal = foreignSiteRefusal('https://acme.atlassian.net', SIGNED_IN, policy);
    expect(refusal?.message).toContain('acme.atlassian.net');
    expect(refusal?.message).toContain('127.0.0.1:8090');
    expect(refusal?.signInSite).toBe('https://acme.atlassian.net');
  });

  it('refuses a link to a site that is not allowed, without an offer', () => {
    const refusal = foreignSiteRefusal('https://evil.example', SIGNED_IN, policy);
    expect(refusal?.message).toMatch(/evil\.example is not a site this server may connect to/);
    expect(refusal?.signInSite).toBeNull();
  });

  it('accepts a link to the signed-in site, with or without a context path', () => {
    expect(
      foreignSiteRefusal('http://127.0.0.1:8090', `${SIGNED_IN}/confluence`, policy),
    ).toBeNull();
    expect(foreignSiteRefusal(undefined, SIGNED_IN, policy)).toBeNull();
  });
});
