import { describe, expect, it } from 'vitest';

import { lineForOffset, monotonicAnchors, offsetForLine } from './preview-scroll';

const anchors = [
  { line: 1, top: 0 },
  { line: 11, top: 100 },
  { line: 21, top: 300 },
];

describe('preview scroll sync', () => {
  it('maps a source line to the offset of its block, interpolating inside blocks', () => {
    expect(offsetForLine(anchors, 1, 1000)).toBe(0);
    expect(offsetForLine(anchors, 6, 1000)).toBe(50);
    expect(offsetForLine(anchors, 16, 1000)).toBe(200);
    expect(offsetForLine(anchors, 40, 1000)).toBe(300);
    expect(offsetForLine([], 5, 1000)).toBe(0);
  });

  it('maps an offset back to the source line shown there', () => {
    expect(lineForOffset(anchors, 0, 1000, 30)).toBe(1);
    expect(lineForOffset(anchors, 50, 1000, 30)).toBe(6);
    expect(lineForOffset(anchors, 200, 1000, 30)).toBe(16);
    // Past the last block: towards the last line at the document end.
    expect(lineForOffset(anchors, 650, 1000, 30)).toBe(25.5);
    expect(lineForOffset([], 650, 1000, 30)).toBe(1);
  });

  it('is the inverse of itself between anchors', () => {
    for (const line of [3, 9, 14, 20]) {
      expect(lineForOffset(anchors, offsetForLine(anchors, line, 1000), 1000, 30)).toBeCloseTo(
        line,
      );
    }
  });

  it('drops anchors that go backwards (floats, a toc written out of order)', () => {
    expect(
      monotonicAnchors([
        { line: 1, top: 0 },
        { line: 5, top: 80 },
        { line: 3, top: 90 },
        { line: 9, top: 70 },
        { line: 12, top: 120 },
      ]),
    ).toEqual([
      { line: 1, top: 0 },
      { line: 5, top: 80 },
      { line: 12, top: 120 },
    ]);
  });
});
