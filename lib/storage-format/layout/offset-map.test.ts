import { describe, expect, it } from 'vitest';

import { formatStorageWithMap, tryFormatStorage } from '../format';
import { readCorpus } from '../testing/corpus';
import {
  OffsetMapBuilder,
  gapsOf,
  identityOffsetMap,
  laidToOriginal,
  originalToLaid,
  type OffsetMap,
} from './offset-map';

/** Rebuilds the laid-out text from the body and the map's runs, layout shown as `·`. */
function rebuild(original: string, map: OffsetMap, laid: string): string {
  let out = '';
  for (const gap of gapsOf(map)) {
    out += laid.slice(gap.laidStart, gap.laidEnd);
    const run = map.runs.find((r) => r.laidStart === gap.laidEnd);
    if (run) out += original.slice(run.originalStart, run.originalStart + run.length);
  }
  return out;
}

describe('the formatter’s offset map', () => {
  it('separates copied runs from inserted layout, and dropped whitespace', () => {
    const body = '<p>a</p>\n<ul><li><p>b</p></li></ul>';
    const { formatted, map } = formatStorageWithMap(body);
    expect(formatted).toBe('<p>a</p>\n<ul>\n  <li>\n    <p>b</p>\n  </li>\n</ul>');
    expect(map.runs).toEqual([
      { laidStart: 0, originalStart: 0, length: 8 },
      { laidStart: 9, originalStart: 9, length: 4 },
      { laidStart: 16, originalStart: 13, length: 4 },
      { laidStart: 25, originalStart: 17, length: 8 },
      { laidStart: 36, originalStart: 25, length: 5 },
      { laidStart: 42, originalStart: 30, length: 5 },
    ]);
    expect(map.originalLength).toBe(body.length);
    expect(map.laidLength).toBe(formatted.length);
    const gaps = gapsOf(map);
    // The body's newline between the top blocks was dropped, and one inserted in its place.
    expect(gaps[1]).toEqual({ laidStart: 8, laidEnd: 9, originalStart: 8, originalEnd: 9 });
    expect(gaps[2]).toEqual({ laidStart: 13, laidEnd: 16, originalStart: 13, originalEnd: 13 });
  });

  it('leaves the formatted text exactly as tryFormatStorage has it, on every corpus body', () => {
    for (const kind of ['valid', 'invalid', 'edge-cases'] as const) {
      for (const { name, body } of readCorpus(kind)) {
        const withMap = formatStorageWithMap(body);
        expect(withMap.formatted, name).toBe(tryFormatStorage(body).formatted);
        expect(rebuild(body, withMap.map, withMap.formatted), name).toBe(withMap.formatted);
        // Everything the formatter dropped is whitespace.
        for (const gap of gapsOf(withMap.map)) {
          expect(body.slice(gap.originalStart, gap.originalEnd), name).toMatch(/^\s*$/);
          expect(withMap.formatted.slice(gap.laidStart, gap.laidEnd), name).toMatch(/^\s*$/);
        }
      }
    }
  });

  it('is the identity when formatting is refused', () => {
    const { ok, map } = formatStorageWithMap('<p>open');
    expect(ok).toBe(false);
    expect(map).toEqual(identityOffsetMap(7));
  });

  it('merges runs adjacent on both sides only', () => {
    const builder = new OffsetMapBuilder();
    builder.copy(0, 3);
    builder.copy(3, 5);
    builder.insert(2);
    builder.copy(5, 6);
    builder.copy(7, 9);
    expect(builder.build(9).runs).toEqual([
      { laidStart: 0, originalStart: 0, length: 5 },
      { laidStart: 7, originalStart: 5, length: 1 },
      { laidStart: 8, originalStart: 7, length: 2 },
    ]);
  });
});

describe('translating offsets', () => {
  // '<p>a</p>' + '\n  '(laid) / ''(body) + '<p>b</p>'
  const map: OffsetMap = {
    runs: [
      { laidStart: 0, originalStart: 0, length: 8 },
      { laidStart: 11, originalStart: 8, length: 8 },
    ],
    originalLength: 16,
    laidLength: 19,
  };

  it('maps offsets inside runs one to one', () => {
    expect(originalToLaid(map, 3)).toBe(3);
    expect(originalToLaid(map, 10)).toBe(13);
    expect(laidToOriginal(map, 13)).toBe(10);
    expect(laidToOriginal(map, 0)).toBe(0);
  });

  it('sends an offset in a gap to the side its bias names', () => {
    expect(laidToOriginal(map, 9, 'before')).toBe(8);
    expect(laidToOriginal(map, 9, 'after')).toBe(8);
    // The body offset between the blocks: the end of the first line, or the start of the second block.
    expect(originalToLaid(map, 8, 'before')).toBe(8);
    expect(originalToLaid(map, 8, 'after')).toBe(11);
    expect(originalToLaid(map, 16)).toBe(19);
    expect(laidToOriginal(map, 19)).toBe(16);
  });

  it('round-trips every offset of a copied run', () => {
    const body = '<h1>T</h1><table><tbody><tr><td><p>x</p></td></tr></tbody></table>';
    const { map: m } = formatStorageWithMap(body);
    for (const run of m.runs) {
      for (let i = 0; i < run.length; i++) {
        expect(laidToOriginal(m, originalToLaid(m, run.originalStart + i))).toBe(
          run.originalStart + i,
        );
      }
    }
  });

  it('handles an empty body', () => {
    const empty = identityOffsetMap(0);
    expect(originalToLaid(empty, 0)).toBe(0);
    expect(laidToOriginal(empty, 0, 'before')).toBe(0);
    expect(gapsOf(empty)).toEqual([{ laidStart: 0, laidEnd: 0, originalStart: 0, originalEnd: 0 }]);
  });
});
