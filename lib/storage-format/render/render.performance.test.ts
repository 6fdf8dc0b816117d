import { describe, expect, it } from 'vitest';

import { parseStorage } from '../parse';
import { readCorpus } from '../testing/corpus';
import { renderDocument } from './render';

/**
 * A guard against accidental super-linear work (a regex or a search per node over the whole
 * page): the real goals (20 KB ≤ 2 ms, 1 MB ≤ 50 ms) are measured by `npm run bench`; this test
 * only fails when rendering is an order of magnitude off, so a busy CI machine cannot fail it.
 */
describe('render performance', () => {
  it('renders ~1 MB of real bodies in linear time', () => {
    const corpus = readCorpus('valid')
      .map((b) => b.body)
      .join('\n');
    const small = parseStorage(corpus);
    const big = parseStorage(corpus.repeat(Math.ceil(1_000_000 / corpus.length)));
    const time = (run: () => void) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        run();
        samples.push(performance.now() - start);
      }
      return Math.min(...samples);
    };
    const smallMs = time(() => renderDocument(small, { sanitizer: 'none' }));
    const bigMs = time(() => renderDocument(big, { sanitizer: 'none' }));
    const ratio = big.document.span.end / small.document.span.end;
    expect(bigMs).toBeLessThan(1500);
    // Linear: the big page costs about `ratio` times the small one; allow a wide margin.
    expect(bigMs).toBeLessThan(smallMs * ratio * 4 + 50);
  });
});
