import { describe, expect, it } from 'vitest';

import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import type { ElementNode, StorageNode } from './types';

function errorsOf(source: string) {
  return parseStorage(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

function elements(nodes: StorageNode[]): ElementNode[] {
  return nodes.filter((node): node is ElementNode => node.type === 'element');
}

describe('parseStorage on the real corpus', () => {
  it.each(readCorpus('valid'))('accepts valid/$name with no diagnostics', ({ body }) => {
    const result = parseStorage(body);
    expect(result.diagnostics).toEqual([]);
    expect(result.confluenceError).toBeNull();
  });

  // The line each rejected body's SOURCES.tsv note points at, and what kind of mistake it is.
  const expected: Record<string, { line: number; code: string }> = {
    'antora-confluence-66__undeclared-prefix.xml': { line: 1, code: 'undeclared_prefix' },
    'asciidoc2confluence-12__hr-void.xml': { line: 1, code: 'void_element_not_closed' },
    'asciidoctor-confluence-8__html-void-br.xml': { line: 1, code: 'void_element_not_closed' },
    'atlassian-python-api-849__ampersand-in-text.xml': { line: 4, code: 'bare_ampersand' },
    'confluence-publisher-377__lt-in-attribute-value.xml': {
      line: 1,
      code: 'lt_in_attribute_value',
    },
    'confluencebuilder-643__ampersand-in-url.xml': { line: 1, code: 'entity_missing_semicolon' },
    'doctoolchain-44_sfdx-hardis-2151__cdata-end-inside-cdata.xml': {
      line: 1,
      code: 'cdata_end_in_text',
    },
    'mark-54__explicit-close-br.xml': { line: 1, code: 'stray_close_tag' },
    'md2cf-92_sfdx-hardis-2151__attribute-without-value.xml': {
      line: 1,
      code: 'attribute_without_value',
    },
    'sfdx-hardis-2151__half-escaped-generic.xml': { line: 1, code: 'lt_not_markup' },
    'terraform-provider-confluence-7__unclosed-p.xml': { line: 1, code: 'unclosed_element' },
    'written-here__close-p-in-td.xml': { line: 1, code: 'stray_close_tag' },
    'written-here__full-html-document.xml': { line: 1, code: 'doctype_not_allowed' },
    'written-here__stray-close-tag.xml': { line: 1, code: 'stray_close_tag' },
    'written-here__unclosed-emoticon.xml': { line: 1, code: 'element_not_self_closed' },
    'written-here__unclosed-p-in-macro.xml': { line: 1, code: 'unclosed_element' },
    'written-here__undeclared-entity.xml': { line: 1, code: 'undeclared_entity' },
    'written-here__unquoted-attribute.xml': { line: 1, code: 'unquoted_attribute' },
  };

  it('knows every rejected body of the corpus', () => {
    expect(readCorpus('invalid').map((b) => b.name)).toEqual(Object.keys(expected).sort());
  });

  it.each(readCorpus('invalid'))('rejects invalid/$name where the note says', ({ name, body }) => {
    const result = parseStorage(body);
    const want = expected[name]!;
    expect(result.diagnostics.map((d) => ({ line: d.line, code: d.code }))).toContainEqual(want);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(result.confluenceError).not.toBeNull();
  });

  it('accepts a whole HTML document without DOCTYPE, as Woodstox does', () => {
    for (const { body } of readCorpus('edge-cases')) expect(errorsOf(body)).toEqual([]);
  });
});

describe('what Confluence rejects, and what it says', () => {
  it.each([
    // [body, expected "line:column code" list, Confluence's own message]
    ['<p>x<br></p>', ['1:5 void_element_not_closed'], 'Unexpected close tag </p>; expected </br>.'],
    ['<p>a</p></p>', ['1:9 stray_close_tag'], 'Unexpected close tag </p>; expected </xml>.'],
    ['a & b', ['1:3 bare_ampersand'], "Unexpected character ' ' (code 32) (missing name?)"],
    [
      '<a href="x?a=1&logo=2">',
      ['1:1 unclosed_element', '1:15 entity_missing_semicolon'],
      "Unexpected character '=' (code 61); expected a semi-colon after the reference for entity 'logo'",
    ],
    ['&check;', ['1:1 undeclared_entity'], 'Undeclared general entity "check"'],
    [
      '<div open>x</div>',
      ['1:6 attribute_without_value'],
      "Unexpected character '>' (code 62) expected '='",
    ],
    [
      '<span style=color:red>x</span>',
      ['1:7 unquoted_attribute'],
      "Unexpected character 'c' (code 99) in start tag Expected a quote",
    ],
    ['<p a="1" a="2"/>', ['1:10 duplicate_attribute'], "Duplicate attribute 'a'."],
    ['<x:y/>', ['1:1 undeclared_prefix'], 'Undeclared namespace prefix "x"'],
    [
      '<!DOCTYPE html><p/>',
      ['1:1 doctype_not_allowed'],
      "Unrecognized XML directive; expected CDATA or comment ('<![CDATA[' or '<!--').",
    ],
    [
      '<p>]]></p>',
      ['1:4 cdata_end_in_text'],
      "String ']]>' not allowed in textual content, except as the end marker of CDATA section",
    ],
    ['<p>\u0001</p>', ['1:4 illegal_character'], 'Illegal character ((CTRL-CHAR, code 1))'],
    [
      'a < b',
      ['1:3 lt_not_markup'],
      "Unexpected character ' ' (code 32) in content after '<' (malformed start element?).",
    ],
    [
      '<p>x</P>',
      ['1:1 unclosed_element', '1:5 stray_close_tag'],
      'Unexpected close tag </P>; expected </p>.',
    ],
    ['</br>', ['1:1 stray_close_tag'], 'Unexpected close tag </br>; expected </xml>.'],
    [
      '<p>&#0;</p>',
      ['1:4 invalid_character_reference'],
      'Invalid character reference: null character not allowed in XML content.',
    ],
    [
      '<!-- a -- b -->',
      ['1:8 comment_double_hyphen'],
      "String '--' not allowed in comment (missing '>'?)",
    ],
    [
      '<?xml version="1.0"?><p/>',
      ['1:1 xml_declaration_not_allowed'],
      'Illegal processing instruction target ("xml"); xml (case insensitive) is reserved by the specs.',
    ],
  ])('%j', (body, codes, message) => {
    const result = parseStorage(body);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(codes);
    expect(result.confluenceError?.message).toBe(message);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message).toContain(`Confluence: `);
    }
  });

  it('accepts what Confluence accepts', () => {
    for (const body of [
      '<p>&nbsp;&mdash;&auml;&lang;&#160;&#x2014;&amp;&lt;&gt;&quot;&apos;</p>',
      '<br></br>',
      '<p a = "1" b=\'2\' >x</p >',
      '<p xmlns:h="urn:x"><h:m/></p>',
      '<p xml:lang="en"/>',
      '<?foo bar?><!-- ok --><![CDATA[ <&> ]]>',
      '<p>]]</p>',
      'plain text at the top level',
      '',
      '<p>\uFFFE</p>',
      '<p>a\r\nb\rc</p>',
    ]) {
      expect(errorsOf(body), body).toEqual([]);
    }
  });

  it('names the offending line and column on later lines', () => {
    const result = parseStorage('<p/>\n\n<b>x<br>y</b>\n');
    expect(errorsOf('<p/>\n\n<b>x<br>y</b>\n')).toEqual(['3:5 void_element_not_closed']);
    expect(result.confluenceError).toMatchObject({ line: 3, column: 12 });
  });

  it('reports every independent error, in document order', () => {
    const body = '<p>a & b<br></p>\n<p>&bogus; <span style=x>y</span></p>\n<td>z</p>';
    expect(errorsOf(body)).toEqual([
      '1:6 bare_ampersand',
      '1:9 void_element_not_closed',
      '2:4 undeclared_entity',
      '2:18 unquoted_attribute',
      '3:1 unclosed_element',
      '3:6 stray_close_tag',
    ]);
  });

  it('points past the body for what Woodstox only notices at the closing wrapper', () => {
    const result = parseStorage('<p>This page was built with Terraform<p>');
    // Real Confluence answered [1,405] for this body: its wrapper adds 360 columns on line 1.
    expect(result.confluenceError).toMatchObject({ line: 1, column: 45 });
  });
});

describe('the tree', () => {
  it('keeps positions, names and resolved values', () => {
    const source = '<p class="a&amp;b">x &lt; y<ac:emoticon ac:name="smile"/></p>';
    const [p] = elements(parseStorage(source).document.children);
    expect(p).toMatchObject({
      name: 'p',
      prefix: null,
      selfClosing: false,
      span: { start: 0, end: source.length },
      closeTag: { start: source.length - 4, end: source.length },
    });
    expect(p!.attributes[0]).toMatchObject({ name: 'class', value: 'a&b' });
    expect(source.slice(p!.attributes[0]!.valueSpan.start, p!.attributes[0]!.valueSpan.end)).toBe(
      'a&amp;b',
    );
    expect(p!.children[0]).toMatchObject({ type: 'text', value: 'x < y' });
    expect(p!.children[1]).toMatchObject({
      type: 'element',
      name: 'ac:emoticon',
      prefix: 'ac',
      localName: 'emoticon',
      selfClosing: true,
    });
  });

  it('keeps CDATA, comments and processing instructions', () => {
    const { children } = parseStorage('<![CDATA[a<b]]><!--c--><?pi data?>').document;
    expect(children.map((n) => n.type)).toEqual(['cdata', 'comment', 'processing-instruction']);
    expect(children[0]).toMatchObject({ value: 'a<b' });
    expect(children[1]).toMatchObject({ value: 'c' });
    expect(children[2]).toMatchObject({ target: 'pi', data: 'data' });
  });

  it('gives the children of an unclosed <br> back to its parent', () => {
    const [p] = elements(parseStorage('<p>a<br>b</p>').document.children);
    expect(p!.children.map((n) => n.type)).toEqual(['text', 'element', 'text']);
    expect((p!.children[1] as ElementNode).children).toEqual([]);
  });

  it('keeps broken markup as text so nothing is lost', () => {
    const source = '<p>Map<Id,List&lt;X&gt;> here</p>';
    const [p] = elements(parseStorage(source).document.children);
    const text = p!.children.map((n) => (n.type === 'text' ? n.value : '')).join('');
    expect(text).toBe('Map<Id,List<X>> here');
  });

  it('never throws on garbage', () => {
    let seed = 7;
    const alphabet = '<>/&;="\' abc:![]-?#x\n';
    for (let n = 0; n < 2000; n++) {
      let body = '';
      const length = n % 40;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        body += alphabet[seed % alphabet.length];
      }
      const result = parseStorage(body);
      expect(result.diagnostics.length > 0).toBe(result.confluenceError !== null);
    }
  });
});
