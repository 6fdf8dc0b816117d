import { describe, expect, it } from 'vitest';

import { describeLineChanges, lineChangeSummary, splitLines } from './line-diff';

/** Reference: lines added/removed from a plain O(N·M) longest common subsequence. */
function lcsSummary(before: string, after: string) {
  const a = splitLines(before);
  const b = splitLines(after);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const common = table[0]![0]!;
  return { added: b.length - common, removed: a.length - common, exact: true };
}

describe('splitLines', () => {
  it('splits on every newline style and ignores one final newline', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb\rc')).toEqual(['a', 'b', 'c']);
    expect(splitLines('\n')).toEqual(['']);
  });
});

describe('lineChangeSummary', () => {
  it('counts nothing for equal texts', () => {
    expect(lineChangeSummary('a\nb', 'a\nb')).toEqual({ added: 0, removed: 0, exact: true });
  });

  it('counts an appended and a deleted line', () => {
    expect(lineChangeSummary('a\nb', 'a\nb\nc')).toEqual({ added: 1, removed: 0, exact: true });
    expect(lineChangeSummary('a\nb\nc', 'a\nc')).toEqual({ added: 0, removed: 1, exact: true });
  });

  it('counts a changed line as one removed and one added', () => {
    expect(lineChangeSummary('<p>a</p>\n<p>b</p>', '<p>a</p>\n<p>B</p>')).toEqual({
      added: 1,
      removed: 1,
      exact: true,
    });
  });

  it('handles empty sides', () => {
    expect(lineChangeSummary('', 'x\ny')).toEqual({ added: 2, removed: 0, exact: true });
    expect(lineChangeSummary('x\ny', '')).toEqual({ added: 0, removed: 2, exact: true });
  });

  it('finds the shortest script, not just the common head and tail', () => {
    // Moving a line: one removal and one addition, not a rewrite of everything in between.
    const before = ['h', 'one', 'two', 'three', 'four', 'z'].join('\n');
    const after = ['h', 'two', 'three', 'four', 'one', 'z'].join('\n');
    expect(lineChangeSummary(before, after)).toEqual({ added: 1, removed: 1, exact: true });
  });

  it('agrees with a reference LCS on pseudo-random edits', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const words = ['<p>a</p>', '<p>b</p>', '<tr>', '</tr>', '<td>x</td>', ''];
    for (let round = 0; round < 200; round += 1) {
      const before = Array.from(
        { length: Math.floor(random() * 12) },
        () => words[Math.floor(random() * words.length)]!,
      );
      const after = before.flatMap((line) => {
        const roll = random();
        if (roll < 0.15) return [];
        if (roll < 0.3) return [line, words[Math.floor(random() * words.length)]!];
        if (roll < 0.4) return [words[Math.floor(random() * words.length)]!];
        return [line];
      });
      const a = before.join('\n');
      const b = after.join('\n');
      expect(lineChangeSummary(a, b), `${JSON.stringify(a)} → ${JSON.stringify(b)}`).toEqual(
        lcsSummary(a, b),
      );
    }
  });

  it('stays exact and fast for a small edit of a big body', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i}</td></tr>`);
    const edited = [...rows];
    edited.splice(10_000, 1, '<tr><td>changed</td></tr>', '<tr><td>new</td></tr>');
    const started = performance.now();
    expect(lineChangeSummary(rows.join('\n'), edited.join('\n'))).toEqual({
      added: 2,
      removed: 1,
      exact: true,
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('gives the upper bound, marked inexact, beyond the work limit', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 60 }, (_, i) => `new ${i}`).join('\n');
    expect(lineChangeSummary(before, after, 10)).toEqual({ added: 60, removed: 50, exact: false });
    expect(lineChangeSummary(before, after)).toEqual({ added: 60, removed: 50, exact: true });
  });
});

describe('describeLineChanges', () => {
  it('words the summary', () => {
    expect(describeLineChanges({ added: 0, removed: 0, exact: true })).toBe('No line changes');
    expect(describeLineChanges({ added: 1, removed: 0, exact: true })).toBe('1 line added');
    expect(describeLineChanges({ added: 0, removed: 2, exact: true })).toBe('2 lines removed');
    expect(describeLineChanges({ added: 3, removed: 1, exact: true })).toBe(
      '3 lines added, 1 removed',
    );
    expect(describeLineChanges({ added: 3, removed: 1, exact: false })).toBe(
      'At most 3 lines added, 1 removed',
    );
  });
});
