import { describe, expect, it } from 'vitest';

import { checkStorageXhtml, xhtmlErrorText } from './check-xhtml';

/** Expected answers recorded from Woodstox 6 (the oracle test re-checks them where Java exists). */
const CASES: Array<[string, number, number, string]> = [
  ['<p>x<br></p>', 1, 11, 'Unexpected close tag </p>; expected </br>.'],
  ['<p>a & b</p>', 1, 7, "Unexpected character ' ' (code 32) (missing name?)"],
  ['<p>&bogus;</p>', 1, 10, 'Undeclared general entity "bogus"'],
  ['<p>&check;</p>', 1, 10, 'Undeclared general entity "check"'],
  [
    '<a href="x?a=1&logo=2">x</a>',
    1,
    20,
    "Unexpected character '=' (code 61); expected a semi-colon after the reference for entity 'logo'",
  ],
  ['<div markdown>x</div>', 1, 14, "Unexpected character '>' (code 62) expected '='"],
  ['<p class=c>x</p>', 1, 10, "Unexpected character 'c' (code 99) in start tag Expected a quote"],
  [
    '<p>]]></p>',
    1,
    6,
    "String ']]>' not allowed in textual content, except as the end marker of CDATA section",
  ],
  ['<h:m>x</h:m>', 1, 5, 'Undeclared namespace prefix "h"'],
  ['<p x:y="1"/>', 1, 12, 'Undeclared namespace prefix "x" (for attribute "y")'],
  ['<ac:parameter>x', 1, 20, 'Unexpected close tag </xml>; expected </ac:parameter>.'],
  [
    '<!DOCTYPE html><p/>',
    1,
    3,
    "Unrecognized XML directive; expected CDATA or comment ('<![CDATA[' or '<!--').",
  ],
  ['<p a="<">x</p>', 1, 7, "Unexpected character '<' (code 60) in attribute value"],
  ['<p>\n<b>x</p>', 2, 7, 'Unexpected close tag </p>; expected </b>.'],
  ['<p>a\r\n<br></p>', 2, 7, 'Unexpected close tag </p>; expected </br>.'],
  ['<p>😀<br></p>', 1, 12, 'Unexpected close tag </p>; expected </br>.'],
  ['<p a="1" a="2"/>', 1, 16, "Duplicate attribute 'a'."],
  [
    '<p ac:a="1" ac:a="2"/>',
    1,
    22,
    "Duplicate attribute '{http://www.atlassian.com/schema/confluence/4/ac/}a'.",
  ],
  ['<p>&#0;</p>', 1, 7, 'Invalid character reference: null character not allowed in XML content.'],
  ['<p>&#xD800;</p>', 1, 11, 'Illegal character entity: expansion character (code 0xd800'],
  ['<p><!-- a -- b --></p>', 1, 13, "String '--' not allowed in comment (missing '>'?)"],
  ['<p>\u0001</p>', 1, 4, 'Illegal character ((CTRL-CHAR, code 1))'],
  [
    '<?xml version="1.0"?><p/>',
    1,
    5,
    'Illegal processing instruction target ("xml"); xml (case insensitive) is reserved by the specs.',
  ],
  [
    '<p a=\'1\'b="2"/>',
    1,
    9,
    "Unexpected character 'b' (code 98) excepted space, or '>' or \"/>\"",
  ],
  ['<p>x</p></p>', 1, 11, 'Unexpected close tag </p>; expected </xml>.'],
  ['<p><![CDATA[ x', 1, 20, 'Unexpected EOF in CDATA section'],
  ['<p><![CDAT[x]]></p>', 1, 12, "Unrecognized XML directive 'CDAT[x'; expected 'CDATA'."],
  [
    '<p xmlns:xml="foo"/>',
    1,
    20,
    'Trying to redeclare prefix "xml" from its default URI "http://www.w3.org/XML/1998/namespace" to "foo"',
  ],
];

describe('checkStorageXhtml', () => {
  it.each(CASES)('%j → %i:%i %s', (body, line, column, message) => {
    expect(checkStorageXhtml(body)).toMatchObject({ ok: false, line, column, message });
  });

  it('accepts XHTML entities, CDATA, comments, PIs, other declared prefixes and an empty body', () => {
    for (const body of [
      '',
      'text',
      '<p>&nbsp;&mdash;&amp;&#x1F600;</p>',
      '<p><![CDATA[<x>]]><!-- c --><?pi x?></p>',
      '<p xmlns:foo="u"><foo:x/></p>',
      '<p>\uFFFE</p>',
    ]) {
      expect(checkStorageXhtml(body)).toEqual({ ok: true });
    }
  });

  it("shifts line-1 columns by Confluence's 360-character wrapper", () => {
    const verdict = checkStorageXhtml('<p>Paragraph one</p><p>Paragraph two');
    if (verdict.ok) throw new Error('expected an error');
    expect(xhtmlErrorText(verdict)).toBe(
      'Error parsing xhtml: Unexpected close tag </xml>; expected </p>.\n at [row,col {unknown-source}]: [1,401]',
    );
    const second = checkStorageXhtml('<p>\n<br></p>');
    expect(second).toMatchObject({ row: 2, col: 7 });
  });
});

const nested = (levels: number, inner = 'x', open = '<div>', close = '</div>') =>
  open.repeat(levels) + inner + close.repeat(levels);

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('nesting depth (Woodstox refuses a 1,000th level, counting the <xml> wrapper)', () => {
  it('accepts 999 levels and refuses 1,000 in Confluence’s words, without a position', () => {
    expect(checkStorageXhtml(nested(999))).toEqual({ ok: true });
    const verdict = checkStorageXhtml(nested(1000));
    if (verdict.ok) throw new Error('expected a refusal');
    expect(verdict.message).toBe('Maximum Element Depth limit (1000) Exceeded');
    expect(xhtmlErrorText(verdict)).toBe(
      'Error parsing xhtml: Maximum Element Depth limit (1000) Exceeded',
    );
  });

  it('counts a self-closed element at the limit, and still reports an earlier namespace error', () => {
    expect(checkStorageXhtml(nested(999, '<br/>'))).toMatchObject({
      ok: false,
      message: 'Maximum Element Depth limit (1000) Exceeded',
    });
    expect(checkStorageXhtml(`<h:m>x</h:m>${nested(1000)}`)).toMatchObject({
      ok: false,
      message: 'Undeclared namespace prefix "h"',
    });
  });

  it('refuses 100,000 nested elements in well under a second', () => {
    for (const [open, close] of [
      ['<div>', '</div>'],
      [
        '<ac:structured-macro ac:name="info"><ac:rich-text-body>',
        '</ac:rich-text-body></ac:structured-macro>',
      ],
    ] as const) {
      const { result, ms } = timed(() => checkStorageXhtml(nested(100_000, 'x', open, close)));
      expect(result).toMatchObject({
        ok: false,
        message: 'Maximum Element Depth limit (1000) Exceeded',
      });
      expect(ms).toBeLessThan(1000);
    }
  });

  it('checks 1 MB of elements 999 levels deep in well under a second', () => {
    const body = nested(997, '<p ac:a="1"><ac:emoticon ac:name="tick"/></p>'.repeat(20_000));
    const { result, ms } = timed(() => checkStorageXhtml(body));
    expect(result).toEqual({ ok: true });
    expect(ms).toBeLessThan(1000);
  });
});
