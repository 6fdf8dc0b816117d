import { describe, expect, it } from 'vitest';

import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('follows a path on this site, query and fragment included', () => {
    expect(safeNextPath('/pages/9470040')).toBe('/pages/9470040');
    expect(safeNextPath('/pages/1?draft=1#top')).toBe('/pages/1?draft=1#top');
    expect(safeNextPath('/scratch')).toBe('/scratch');
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['pages/1'],
    ['//evil.test/x'],
    ['/\\evil.test'],
    ['/\t/evil.test'],
    ['https://evil.test/'],
    ['javascript:alert(1)'],
    ['/login'],
    ['/login?next=/x'],
  ])('falls back to / for %j', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
