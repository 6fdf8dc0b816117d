import { describe, expect, it } from 'vitest';

import { formatWhen } from './format-when';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('formatWhen', () => {
  it.each([
    [10_000, 'just now'],
    [5 * 60_000, '5 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [24 * 3_600_000, 'yesterday'],
    [3 * 24 * 3_600_000, '3 days ago'],
  ])('%i ms ago reads "%s"', (ago, text) => {
    expect(formatWhen(NOW - ago, NOW, 'en')).toBe(text);
  });

  it('gives a date once it is more than a week old', () => {
    expect(formatWhen(Date.UTC(2026, 0, 2, 12), NOW, 'en')).toBe('Jan 2, 2026');
  });
});
