import { describe, expect, it } from 'vitest';

import { nameAt } from './nodes';

describe('nameAt (the name cache)', () => {
  it('always returns exactly the characters in the range, collisions included', () => {
    // Far more distinct names than cache slots, so slots are overwritten many times over.
    const names = Array.from({ length: 5000 }, (_, i) => `ac:n${i.toString(36)}-${i % 7}`);
    const source = names.join(' ');
    for (let round = 0; round < 2; round++) {
      let start = 0;
      for (const name of names) {
        expect(nameAt(source, start, start + name.length)).toBe(name);
        start += name.length + 1;
      }
    }
  });

  it('slices names too long to cache, and empty ranges', () => {
    const long = 'x'.repeat(200);
    expect(nameAt(long, 0, 200)).toBe(long);
    expect(nameAt('abc', 1, 1)).toBe('');
  });
});
