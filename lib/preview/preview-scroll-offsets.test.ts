// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { renderStorage } from '@/lib/storage-format/render';
import { layoutForEditing, laidToOriginal, originalToLaid } from '@/lib/storage-format/layout';

import {
  monotonicOffsetAnchors,
  offsetAnchorsOf,
  sourceOffsetForTop,
  topForSourceOffset,
} from './preview-scroll';
import { offsetBlocksOf } from './source-marks';

const anchors = [
  { offset: 0, top: 0 },
  { offset: 1000, top: 100 },
  { offset: 2000, top: 300 },
];

describe('scroll sync by source offsets', () => {
  it('maps a source offset to the frame, interpolating inside blocks', () => {
    expect(topForSourceOffset(anchors, 0, 1000)).toBe(0);
    expect(topForSourceOffset(anchors, 500, 1000)).toBe(50);
    expect(topForSourceOffset(anchors, 1500, 1000)).toBe(200);
    expect(topForSourceOffset(anchors, 9000, 1000)).toBe(300);
    expect(topForSourceOffset([], 5, 1000)).toBe(0);
  });

  it('maps a frame offset back to the source offset shown there', () => {
    expect(sourceOffsetForTop(anchors, 0, 1000, 3000)).toBe(0);
    expect(sourceOffsetForTop(anchors, 50, 1000, 3000)).toBe(500);
    expect(sourceOffsetForTop(anchors, 200, 1000, 3000)).toBe(1500);
    // Past the last block: towards the end of the source at the document end.
    expect(sourceOffsetForTop(anchors, 650, 1000, 3000)).toBe(2500);
    expect(sourceOffsetForTop([], 650, 1000, 3000)).toBe(0);
  });

  it('round-trips between anchors', () => {
    for (const offset of [10, 700, 1200, 1999]) {
      expect(
        sourceOffsetForTop(anchors, topForSourceOffset(anchors, offset, 1000), 1000, 3000),
      ).toBe(offset);
    }
  });

  it('keeps only anchors increasing in both offset and top', () => {
    expect(
      monotonicOffsetAnchors([
        { offset: 0, top: 0 },
        { offset: 50, top: 0 },
        { offset: 40, top: 10 },
        { offset: 60, top: -5 },
        { offset: 90, top: 20 },
      ]),
    ).toEqual([
      { offset: 0, top: 0 },
      { offset: 50, top: 0 },
      { offset: 90, top: 20 },
    ]);
  });

  it('reads one anchor per block of a rendered one-line body, and one per block of its laid-out view', () => {
    const body = '<h1>T</h1><p>a</p><ul><li><p>b</p></li></ul><p>c</p>';
    const frame = new DOMParser().parseFromString(
      renderStorage(body, { sanitizer: 'none' }),
      'text/html',
    ).body;
    // jsdom does no layout (every top is 0): the offsets read are the blocks' own.
    expect(offsetAnchorsOf(offsetBlocksOf(frame)).map((a) => a.offset)).toEqual([0, 10, 18, 44]);
    const offsets = Array.from(frame.children).map((e) =>
      Number(e.getAttribute('data-source-offset')),
    );
    expect(offsets).toEqual([0, 10, 18, 44]);
    // The laid-out view's offsets map to the body's offsets, and back, through the layout map.
    const laid = layoutForEditing(body, true);
    const laidFrame = new DOMParser().parseFromString(
      renderStorage(laid.text, { sanitizer: 'none' }),
      'text/html',
    ).body;
    const laidOffsets = Array.from(laidFrame.children).map((e) =>
      Number(e.getAttribute('data-source-offset')),
    );
    expect(laidOffsets.map((o) => laidToOriginal(laid.map, o))).toEqual(offsets);
    expect(offsets.map((o) => originalToLaid(laid.map, o))).toEqual(laidOffsets);
  });
});
