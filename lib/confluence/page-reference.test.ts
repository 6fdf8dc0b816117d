import { describe, expect, it } from 'vitest';

import { decodeTinyLink, encodeTinyLink, parsePageReference } from './page-reference';

const ACME = 'https://acme.atlassian.net';
const WIKI = 'https://wiki.example.com';

describe('parsePageReference', () => {
  it.each([
    ['9470040', { kind: 'id', id: '9470040' }],
    ['  123  ', { kind: 'id', id: '123' }],
    [
      'https://acme.atlassian.net/wiki/spaces/DEMO/pages/9470040/Sandbox',
      { kind: 'id', id: '9470040', origin: ACME },
    ],
    [
      'https://acme.atlassian.net/wiki/spaces/DEMO/pages/edit-v2/9470040',
      { kind: 'id', id: '9470040', origin: ACME },
    ],
    [
      'https://acme.atlassian.net/wiki/spaces/DEMO/pages/9470040',
      { kind: 'id', id: '9470040', origin: ACME },
    ],
    [
      'https://wiki.example.com/pages/viewpage.action?pageId=42',
      { kind: 'id', id: '42', origin: WIKI },
    ],
    [
      'https://wiki.example.com/confluence/pages/viewpage.action?pageId=42#anchor',
      { kind: 'id', id: '42', origin: WIKI },
    ],
    [
      'https://wiki.example.com/confluence/display/DEMO/Release+Notes%202026',
      { kind: 'title', spaceKey: 'DEMO', title: 'Release Notes 2026', origin: WIKI },
    ],
  ])('%s', (input, expected) => {
    expect(parsePageReference(input)).toEqual(expected);
  });

  it('decodes tiny links locally', () => {
    const tiny = encodeTinyLink('9470040');
    expect(parsePageReference(`https://acme.atlassian.net/wiki/x/${tiny}`)).toEqual({
      kind: 'id',
      id: '9470040',
      origin: ACME,
    });
  });

  it.each([
    ['', 'Enter a page id'],
    ['Sandbox', 'neither a page id'],
    ['javascript:alert(1)', 'Only http'],
    ['https://wiki.example.com/pages/viewpage.action?pageId=abc', 'not a number'],
    ['https://example.com/some/where', 'does not point at a Confluence page'],
    ['https://example.com/wiki/x/!!', 'tiny link'],
  ])('explains why %j cannot be opened', (input, reason) => {
    const result = parsePageReference(input);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});

describe('tiny links', () => {
  it('round-trips ids of every size', () => {
    for (const id of ['1', '255', '65536', '9470040', '1152909313', '2616328495', '98765432109']) {
      expect(decodeTinyLink(encodeTinyLink(id))).toBe(id);
    }
  });

  it('matches a tiny link Confluence itself published', () => {
    // A public wiki shares page 201819180 as /x/LIQHD (viewpage.action?pageId=201819180).
    expect(encodeTinyLink('201819180')).toBe('LIQHD');
    expect(decodeTinyLink('LIQHD')).toBe('201819180');
  });
});
