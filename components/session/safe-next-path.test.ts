import { describe, expect, it } from 'vitest';

import { safeNextPath } from './safe-next-path';

const APP = 'http://127.0.0.1:3000';

describe('safeNextPath', () => {
  it('follows a page of this app, query and fragment included', () => {
    expect(safeNextPath('/pages/9470040')).toBe('/pages/9470040');
    expect(safeNextPath('/pages/1?draft=1#top')).toBe('/pages/1?draft=1#top');
    expect(safeNextPath('/scratch')).toBe('/scratch');
    expect(safeNextPath('/')).toBe('/');
  });

  it('follows the normalised form of a harmless path', () => {
    expect(safeNextPath('/./scratch')).toBe('/scratch');
    expect(safeNextPath('/a/../pages/7')).toBe('/pages/7');
    expect(safeNextPath('/%2e/scratch')).toBe('/scratch');
  });

  // Each would leave the app: directly, or once normalised (`/./`, `/a/../`, `%2e` segments
  // collapse to a leading `//`), or as the browser reads it (`\` as `/`, tabs and newlines dropped).
  it.each([
    [null],
    [undefined],
    [''],
    ['pages/1'],
    ['//evil.test/x'],
    ['///evil.test'],
    ['/\\evil.test'],
    ['/\\\\evil.test'],
    ['\\\\evil.test'],
    ['/\t/evil.test'],
    ['/\n/evil.test'],
    ['/\r\n/evil.test'],
    ['/ /evil.test'],
    ['https://evil.test/'],
    ['http:evil.test'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['/javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/./evil.test'],
    ['/.//evil.test'],
    ['/.//evil.test/pages/1'],
    ['/%2e//evil.test'],
    ['/%2E//evil.test'],
    ['/%2e%2e//evil.test'],
    ['/a/..//evil.test'],
    ['/a/b/../..//evil.test'],
    ['/pages/../..//evil.test'],
    ['/%2F%2Fevil.test'],
    ['/%2f/evil.test'],
    ['/%5Cevil.test'],
    ['/%09/evil.test'],
    ['/login'],
    ['/login?next=/x'],
    ['/login/'],
    ['/api/session'],
    ['/pages/abc'],
    ['/pages/1/../../../evil'],
    ['/_next/static/x.js'],
  ])('falls back to / for %j', (next) => {
    expect(safeNextPath(next)).toBe('/');
    expect(safeNextPath(next, APP)).toBe('/');
  });

  it('never returns something that resolves to another origin', () => {
    const tricks = ['/.', '/%2e', '/a/..', '/%2E%2E', '/./.', '/x/%2e%2e'];
    for (const prefix of tricks) {
      for (const tail of ['//evil.test', '//evil.test/pages/1', '/\\evil.test', '//%65vil.test']) {
        const target = safeNextPath(`${prefix}${tail}`, APP);
        expect(new URL(target, APP).origin, `${prefix}${tail}`).toBe(APP);
      }
    }
  });
});
