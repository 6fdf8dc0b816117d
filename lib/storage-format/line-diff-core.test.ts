import { describe, expect, it } from 'vitest';

import {
  commonEnds,
  diffHunks,
  diffHunksOrReplace,
  shortestEditLength,
  type Hunk,
} from './line-diff-core';
import { createRandom } from './testing/mutations';

const UNBOUNDED = { maxEdits: Infinity };

/** Reference: the edit-script length from a plain O(N·M) longest common subsequence. */
function lcsEditLength(a: readonly string[], b: readonly string[]): number {
  let next = new Array<number>(b.length + 1).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
    next = row;
  }
  return a.length + b.length - 2 * next[0]!;
}

/** `a` with every hunk replaced by its `b` lines. */
function applyHunks(a: readonly string[], b: readonly string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...a.slice(at, h.aStart), ...b.slice(h.bStart, h.bEnd));
    at = h.aEnd;
  }
  out.push(...a.slice(at));
  return out;
}

function randomPair(seed: number): [string[], string[]] {
  const random = createRandom(seed);
  const values = ['<tr>', '</tr>', '</td>', 'x', 'y'];
  const line = () => values[Math.floor(random() * values.length)]!;
  const a = Array.from({ length: Math.floor(random() * 40) }, line);
  const b = a.flatMap((l) => {
    const roll = random();
    if (roll < 0.15) return [];
    if (roll < 0.3) return [line()];
    if (roll < 0.4) return [l, line()];
    return [l];
  });
  return [a, b];
}

describe('commonEnds', () => {
  it('never lets the head and the tail overlap', () => {
    expect(commonEnds(['a', 'a'], ['a', 'a', 'a'])).toEqual({ head: 2, tail: 0 });
    expect(commonEnds(['x', 'a', 'b'], ['y', 'a', 'b'])).toEqual({ head: 0, tail: 2 });
    expect(commonEnds([], ['a'])).toEqual({ head: 0, tail: 0 });
  });

  it('gives strings the same ends as arrays of their characters, across chunk edges', () => {
    const random = (() => {
      let state = 7;
      return () => (state = (state * 48271) % 2147483647) / 2147483647;
    })();
    const base = Array.from({ length: 3000 }, (_, i) => 'ab'[i % 7 === 0 ? 1 : 0]).join('');
    for (let round = 0; round < 300; round++) {
      const start = Math.floor(random() * base.length);
      const end = start + Math.floor(random() * 40);
      const insert = 'aab'.slice(0, Math.floor(random() * 4));
      const edited = base.slice(0, start) + insert + base.slice(end);
      expect(commonEnds(base, edited), `round ${round}`).toEqual(
        commonEnds([...base], [...edited]),
      );
    }
    expect(commonEnds('a'.repeat(1024), 'a'.repeat(1536))).toEqual({ head: 1024, tail: 0 });
  });
});

describe('diffHunks', () => {
  it('finds a shortest script whose hunks rebuild the new side, on repetitive input', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const [a, b] = randomPair(seed);
      const hunks = diffHunks(a, b, UNBOUNDED)!;
      expect(applyHunks(a, b, hunks), `seed ${seed}`).toEqual(b);
      const size = hunks.reduce((sum, h) => sum + h.aEnd - h.aStart + h.bEnd - h.bStart, 0);
      const shortest = lcsEditLength(a, b);
      expect(size, `seed ${seed}`).toBe(shortest);
      expect(shortestEditLength(a, b, UNBOUNDED), `seed ${seed}`).toBe(shortest);
      // Maximal hunks: an equal item always separates two of them.
      hunks.slice(1).forEach((h, i) => expect(h.aStart).toBeGreaterThan(hunks[i]!.aEnd));
    }
  });

  it('works on typed arrays of line ids too', () => {
    const hunks = diffHunks(Int32Array.from([1, 2, 3, 4]), Int32Array.from([1, 5, 3, 4, 6]), {
      maxEdits: 10,
    });
    expect(hunks).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 4, aEnd: 4, bStart: 4, bEnd: 5 },
    ]);
  });

  it('gives up past maxEdits, and past maxWork', () => {
    const a = ['a', 'b', 'c', 'd', 'e'];
    const b = ['a', 'B', 'c', 'D', 'e'];
    expect(diffHunks(a, b, { maxEdits: 3 })).toBeNull();
    expect(diffHunks(a, b, { maxEdits: 4 })).toHaveLength(2);
    expect(shortestEditLength(a, b, { maxEdits: 3 })).toBeNull();
    expect(diffHunks(a, b, { maxEdits: 4, maxWork: 2 })).toBeNull();
  });

  it('stops within its work bound on input where the search would take long', () => {
    // Every line differs: D = N + M, and the full search would be quadratic.
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`);
    expect(shortestEditLength(a, b, { maxEdits: Infinity, maxWork: 100_000 })).toBeNull();
  });
});

describe('diffHunksOrReplace', () => {
  it('takes the differing middle as one hunk past the bounds', () => {
    const a = ['h', 'a', 'b', 'c', 't'];
    const b = ['h', 'A', 'b', 'C', 't'];
    expect(diffHunksOrReplace(a, b, { maxEdits: 1 })).toEqual({
      hunks: [{ aStart: 1, aEnd: 4, bStart: 1, bEnd: 4 }],
      exact: false,
    });
    expect(diffHunksOrReplace(a, b, { maxEdits: 4 }).exact).toBe(true);
  });

  it('is empty for equal sequences and one hunk when one side is empty', () => {
    expect(diffHunksOrReplace(['a'], ['a'], { maxEdits: 0 })).toEqual({ hunks: [], exact: true });
    expect(diffHunks([], ['a', 'b'], { maxEdits: 0 })).toEqual([
      { aStart: 0, aEnd: 0, bStart: 0, bEnd: 2 },
    ]);
  });
});
