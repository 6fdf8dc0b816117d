import { describe, expect, it } from 'vitest';

import { countDiagnostics, diagnosticsToMarkers, MARKER_SEVERITY } from './diagnostic-markers';
import { foldingRanges } from './folding';
import { minimalEdit } from './minimal-edit';
import { matchingTagNames } from './tag-matching';
import { openElementsAt, scanTag } from './tag-scanner';

describe('diagnosticsToMarkers', () => {
  it('maps severity, code and range, widening empty ranges', () => {
    const markers = diagnosticsToMarkers([
      { severity: 'error', code: 'x', message: 'm', line: 1, column: 5, endLine: 1, endColumn: 9 },
      {
        severity: 'warning',
        code: 'y',
        message: 'w',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 3,
      },
    ]);
    expect(markers[0]).toMatchObject({
      severity: MARKER_SEVERITY.Error,
      code: 'x',
      startLineNumber: 1,
      startColumn: 5,
      endLineNumber: 1,
      endColumn: 9,
    });
    expect(markers[1]).toMatchObject({
      severity: MARKER_SEVERITY.Warning,
      startColumn: 3,
      endColumn: 4,
    });
  });

  it('counts errors and warnings', () => {
    const d = { code: 'c', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
    expect(
      countDiagnostics([
        { ...d, severity: 'error' },
        { ...d, severity: 'warning' },
        { ...d, severity: 'warning' },
        { ...d, severity: 'info' },
      ]),
    ).toEqual({ errors: 1, warnings: 2 });
  });
});

describe('tag scanning', () => {
  it('reads a tag with quoted values containing `>`', () => {
    const tag = scanTag('<a title="x > y" href=\'z\'>t</a>', 0);
    expect(tag?.name).toBe('a');
    expect(tag?.attributes.map((a) => [a.name, a.value])).toEqual([
      ['title', 'x > y'],
      ['href', 'z'],
    ]);
    expect(tag?.end).toBe(26);
  });

  it('tracks open elements, skipping comments, CDATA and void elements', () => {
    const text = '<div><!-- <p> --><p>a<br><![CDATA[<x>]]><em>b</em>';
    expect(openElementsAt(text, text.length).map((e) => e.name)).toEqual(['div', 'p']);
  });
});

describe('folding and tag matching', () => {
  it('folds multi-line elements and comments, keeping the closing line visible', () => {
    const text = '<table>\n  <tr>\n    <td>x</td>\n  </tr>\n</table>\n<!--\nnote\n-->';
    expect(foldingRanges(text)).toEqual([
      { start: 1, end: 4 },
      { start: 2, end: 3 },
      { start: 6, end: 8, kind: 'comment' },
    ]);
  });

  it('pairs a start tag name with its end tag name, from either side', () => {
    const text = '<ul><li>a</li></ul>';
    expect(matchingTagNames(text, 2)).toEqual([
      { start: 1, end: 3 },
      { start: 16, end: 18 },
    ]);
    expect(matchingTagNames(text, 17)).toEqual([
      { start: 1, end: 3 },
      { start: 16, end: 18 },
    ]);
    expect(matchingTagNames(text, 8)).toBeNull();
  });
});

describe('minimalEdit', () => {
  it('keeps the common prefix and suffix', () => {
    expect(minimalEdit('<p>a</p>', '<p>abc</p>')).toEqual({ start: 4, end: 4, text: 'bc' });
    expect(minimalEdit('same', 'same')).toBeNull();
    expect(minimalEdit('aaa', 'aa')).toEqual({ start: 2, end: 3, text: '' });
  });
});
