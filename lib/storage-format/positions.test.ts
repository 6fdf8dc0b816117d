import { describe, expect, it } from 'vitest';

import { createPositionMapper } from './positions';

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
