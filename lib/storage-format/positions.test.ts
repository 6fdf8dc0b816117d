import { describe, expect, it } from 'vitest';

import { findEdit } from './incremental/text-edit';
import { createPositionMapper, lineStartsAfterEdit } from './positions';

describe('createPositionMapper', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line break each, as XML does', () => {
    const positions = createPositionMapper('ab\ncd\r\nef\rgh');
    expect(positions.lineCount).toBe(4);
    expect(positions.lineColumnAt(0)).toEqual({ line: 1, column: 1 });
    expect(positions.lineColumnAt(3)).toEqual({ line: 2, column: 1 });
    expect(positions.lineColumnAt(7)).toEqual({ line: 3, column: 1 });
    expect(positions.lineColumnAt(10)).toEqual({ line: 4, column: 1 });
    expect(positions.offsetAt(3, 2)).toBe(8);
  });

  it('keeps counting columns past the end (where Confluence closes its wrapper)', () => {
    expect(createPositionMapper('<p>').lineColumnAt(7)).toEqual({ line: 1, column: 8 });
  });
});

describe('line starts derived from the previous text (incremental parse)', () => {
  const lineStarts = (text: string) => {
    const mapper = createPositionMapper(text);
    return Array.from({ length: mapper.lineCount }, (_, i) => mapper.offsetAt(i + 1, 1));
  };

  it('equal a fresh scan after any edit, whatever breaks it touches', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', '\n\r', '<p>', 'x\ny'];
    let text = 'one\r\ntwo\rthree\nfour';
    let previous = createPositionMapper(text);
    expect(previous.lineCount).toBe(4);
    for (let step = 0; step < 3_000; step++) {
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(4));
      const inserted = Array.from({ length: random(3) }, () => pieces[random(pieces.length)]).join(
        '',
      );
      const next = text.slice(0, start) + inserted + text.slice(end);
      const edit = findEdit(text, next);
      const mapper = createPositionMapper(next, { previous, edit });
      const fresh = lineStarts(next);
      expect(mapper.lineCount, `step ${step}`).toBe(fresh.length);
      for (let line = 1; line <= fresh.length; line++) {
        expect(mapper.offsetAt(line, 1), `step ${step}, line ${line}`).toBe(fresh[line - 1]);
      }
      expect(lineStartsAfterEdit(lineStarts(text), next, edit)).toEqual(fresh);
      text = next;
      previous = mapper;
    }
  });

  it('scans afresh when the previous index was never built', () => {
    const previous = createPositionMapper('a\nb');
    const next = 'a\nb\nc';
    const mapper = createPositionMapper(next, { previous, edit: findEdit('a\nb', next) });
    expect(mapper.lineCount).toBe(3);
    expect(mapper.lineColumnAt(4)).toEqual({ line: 3, column: 1 });
  });
});
