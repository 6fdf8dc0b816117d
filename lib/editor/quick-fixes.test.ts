import { describe, expect, it } from 'vitest';

import { parseStorage } from '@/lib/storage-format/parse';
import { readCorpus } from '@/lib/storage-format/testing/corpus';
import { validateStorage } from '@/lib/storage-format/validate';

import { applyEdits, FIXABLE_CODES, offsetOf, quickFixesFor } from './quick-fixes';

function errorsOf(source: string) {
  return parseStorage(source).diagnostics;
}

/** Applies the preferred fix of the first diagnostic with `code` and returns the new body. */
function fixFirst(source: string, code: string, which = 0): string {
  const diagnostic = errorsOf(source).find((d) => d.code === code);
  if (!diagnostic) throw new Error(`no ${code} in ${source}`);
  const fixes = quickFixesFor(source, diagnostic);
  const chosen = fixes[which];
  if (!chosen) throw new Error(`no fix #${which} for ${code}`);
  return applyEdits(source, chosen.edits);
}

describe('quick fixes on hand-written bodies', () => {
  const cases: [string, string, string][] = [
    ['void_element_not_closed', '<p>a<br></p>', '<p>a<br/></p>'],
    ['void_element_not_closed', '<p>a</p><hr ><p>b</p>', '<p>a</p><hr/><p>b</p>'],
    [
      'element_not_self_closed',
      '<p>Hi <ac:emoticon ac:name="smile"></p>',
      '<p>Hi <ac:emoticon ac:name="smile"/></p>',
    ],
    ['bare_ampersand', '<p>a & b</p>', '<p>a &amp; b</p>'],
    [
      'entity_missing_semicolon',
      '<p><a href="?a=1&b=2">x</a></p>',
      '<p><a href="?a=1&amp;b=2">x</a></p>',
    ],
    ['undeclared_entity', '<p>&check;</p>', '<p>&#10003;</p>'],
    ['undeclared_entity', '<p>&bogus;</p>', '<p>&amp;bogus;</p>'],
    ['unclosed_element', '<p>x', '<p>x</p>'],
    ['unclosed_element', '<ul><li>x</ul>', '<ul><li>x</li></ul>'],
    [
      'unclosed_element',
      '<table><tr><td><p>x\n  </td></tr></table>',
      '<table><tr><td><p>x</p>\n  </td></tr></table>',
    ],
    ['stray_close_tag', '<p>x</p></div>', '<p>x</p>'],
    ['unquoted_attribute', '<p class=a>x</p>', '<p class="a">x</p>'],
    ['attribute_without_value', '<details open>x</details>', '<details open="open">x</details>'],
    ['lt_in_attribute_value', '<p title="a<b">x</p>', '<p title="a&lt;b">x</p>'],
    ['lt_not_markup', '<p>a < b</p>', '<p>a &lt; b</p>'],
    ['cdata_end_in_text', '<p>a ]]> b</p>', '<p>a ]]&gt; b</p>'],
    ['doctype_not_allowed', '<!DOCTYPE html>\n<p>x</p>', '<p>x</p>'],
    ['duplicate_attribute', '<p a="1" a="2">x</p>', '<p a="1">x</p>'],
  ];
  it.each(cases)('%s: %s', (code, before, after) => {
    const fixed = fixFirst(before, code);
    expect(fixed).toBe(after);
    expect(errorsOf(fixed).filter((d) => d.code === code)).toEqual([]);
  });

  it('offers `&nbsp;` as a second choice for a real entity name', () => {
    const source = '<p>a&nbsp b</p>';
    const diagnostic = errorsOf(source)[0];
    if (!diagnostic) throw new Error('expected an error');
    const titles = quickFixesFor(source, diagnostic).map((f) => f.title);
    expect(titles).toHaveLength(2);
    expect(fixFirst(source, 'entity_missing_semicolon', 1)).toBe('<p>a&nbsp; b</p>');
  });

  it('keeps `]]>` inside code by splitting the CDATA section', () => {
    const source =
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[s = "]]>";]]></ac:plain-text-body></ac:structured-macro>';
    const fixed = fixFirst(source, 'cdata_end_in_text');
    expect(errorsOf(fixed)).toEqual([]);
    const cdata = parseStorage(fixed)
      .document.children.flatMap((n) => (n.type === 'element' ? n.children : []))
      .flatMap((n) => (n.type === 'element' ? n.children : []))
      .filter((n) => n.type === 'cdata')
      .map((n) => n.value)
      .join('');
    expect(cdata).toBe('s = "]]>";');
  });

  it('converts <img> to ac:image (attachment and URL)', () => {
    const source =
      '<p><img src="images/x.png" alt="X"/> <img src="https://e.test/y.png"></img></p>';
    const first = quickFixesFor(source, {
      code: 'img_instead_of_ac_image',
      line: 1,
      column: 4,
      endLine: 1,
      endColumn: 37,
    });
    const afterFirst = applyEdits(source, first[0]?.edits ?? []);
    expect(afterFirst).toContain(
      '<ac:image ac:alt="X"><ri:attachment ri:filename="x.png"/></ac:image>',
    );
    const at = afterFirst.indexOf('<img');
    const second = quickFixesFor(afterFirst, {
      code: 'img_instead_of_ac_image',
      line: 1,
      column: at + 1,
      endLine: 1,
      endColumn: at + 5,
    });
    const afterSecond = applyEdits(afterFirst, second[0]?.edits ?? []);
    expect(afterSecond).toContain(
      '<ac:image><ri:url ri:value="https://e.test/y.png"/></ac:image></p>',
    );
    expect(errorsOf(afterSecond)).toEqual([]);
  });

  it("fixes the engine's own warnings: img → ac:image, whitespace in a parameter", () => {
    for (const source of [
      '<p><img src="x.png"/></p>',
      '<p><img src="https://e.test/y.png" width="20"></img></p>',
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language"> java </ac:parameter></ac:structured-macro>',
    ]) {
      const [diagnostic] = validateStorage(source);
      if (!diagnostic) throw new Error(`expected a warning for ${source}`);
      const [first] = quickFixesFor(source, diagnostic);
      const fixed = applyEdits(source, first?.edits ?? []);
      expect(validateStorage(fixed).filter((d) => d.code === diagnostic.code)).toEqual([]);
      expect(errorsOf(fixed)).toEqual([]);
    }
  });

  it('wraps raw code in a plain-text body in CDATA, clearing every error in it', () => {
    const source =
      '<ac:structured-macro ac:name="code"><ac:plain-text-body>if (a &lt; b && c) { List<String> x; } // ]]></ac:plain-text-body></ac:structured-macro>';
    const diagnostics = errorsOf(source);
    expect(diagnostics.length).toBeGreaterThan(1);
    for (const diagnostic of diagnostics) {
      const [first] = quickFixesFor(source, diagnostic);
      expect(first?.title).toBe('Wrap the code in CDATA');
      const fixed = applyEdits(source, first?.edits ?? []);
      expect(errorsOf(fixed)).toEqual([]);
      expect(fixed).toContain(
        '<![CDATA[if (a < b && c) { List<String> x; } // ]]]]><![CDATA[>]]></ac:plain-text-body>',
      );
    }
  });

  it('has no fix for codes that need judgement', () => {
    expect(
      quickFixesFor('<h:m>', {
        code: 'undeclared_prefix',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 5,
      }),
    ).toEqual([]);
  });

  it('maps line/column to offsets like Monaco', () => {
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab\ncd', 1, 99)).toBe(2);
    expect(offsetOf('ab', 5, 1)).toBe(2);
  });
});

describe('quick fixes on the real invalid corpus', () => {
  const bodies = readCorpus('invalid').map(({ name, body }) => [name, body] as const);
  it('has bodies to test', () => expect(bodies.length).toBeGreaterThan(10));

  it.each(bodies)(
    '%s: every fix removes its error and the preferred fix adds none',
    (_name, source) => {
      const diagnostics = errorsOf(source);
      for (const diagnostic of diagnostics) {
        if (!FIXABLE_CODES.has(diagnostic.code)) continue;
        const fixes = quickFixesFor(source, diagnostic);
        expect(fixes.length, `${diagnostic.code} has a fix`).toBeGreaterThan(0);
        const before = diagnostics.filter((d) => d.code === diagnostic.code).length;
        for (const candidate of fixes) {
          const after = errorsOf(applyEdits(source, candidate.edits));
          expect(
            after.filter((d) => d.code === diagnostic.code).length,
            `${candidate.title} removes a ${diagnostic.code}`,
          ).toBeLessThan(before);
          if (candidate.preferred) expect(after.length).toBeLessThan(diagnostics.length);
        }
      }
    },
  );
});
