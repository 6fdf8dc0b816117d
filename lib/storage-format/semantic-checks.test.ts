import { describe, expect, it } from 'vitest';

import { parseStorage } from './parse';
import { checkSemantics } from './semantic-checks';
import { readCorpus } from './testing/corpus';
import type { Diagnostic } from './types';

function check(source: string): Diagnostic[] {
  const parsed = parseStorage(source);
  expect(parsed.diagnostics).toEqual([]); // every case is well-formed: Confluence accepts it
  return checkSemantics(parsed.document, parsed.positions);
}

function codes(source: string): string[] {
  return check(source).map((d) => `${d.severity} ${d.code}`);
}

const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;
const parameter = (name: string, value: string) =>
  `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;
const rich = (xhtml: string) => `<ac:rich-text-body>${xhtml}</ac:rich-text-body>`;
const plain = (text: string) => `<ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body>`;

interface Case {
  code: string;
  severity?: 'warning' | 'info';
  bad: string;
  good: string;
}

// Each finding on a minimal body, next to the correct form that must stay silent.
const CASES: Record<string, Case> = {
  'unknown macro name': {
    code: 'unknown_macro',
    bad: macro('infoo', rich('<p>x</p>')),
    good: macro('info', rich('<p>x</p>')),
  },
  'macro name with spaces around it': {
    code: 'unknown_macro',
    bad: macro(' toc '),
    good: macro('toc'),
  },
  'macro name in capitals': {
    code: 'unknown_macro',
    severity: 'info',
    bad: macro('TOC'),
    good: macro('toc'),
  },
  'unknown parameter of a known macro': {
    code: 'unknown_macro_parameter',
    bad: macro('info', parameter('titel', 'Hi') + rich('<p>x</p>')),
    good: macro('info', parameter('title', 'Hi') + rich('<p>x</p>')),
  },
  'missing required parameter': {
    code: 'missing_macro_parameter',
    bad: `<p>${macro('anchor')}</p>`,
    good: `<p>${macro('anchor', parameter('', 'top'))}</p>`,
  },
  'blank required parameter': {
    code: 'missing_macro_parameter',
    bad: macro('include', parameter('', '   ')),
    good: macro('include', parameter('', '<ac:link><ri:page ri:content-title="Home"/></ac:link>')),
  },
  'value outside an enum': {
    code: 'invalid_macro_parameter_value',
    bad: `<p>${macro('status', parameter('colour', 'Orange'))}</p>`,
    good: `<p>${macro('status', parameter('colour', 'green'))}</p>`,
  },
  'non-boolean value': {
    code: 'invalid_macro_parameter_value',
    bad: macro('code', parameter('linenumbers', 'yes') + plain('x')),
    good: macro('code', parameter('linenumbers', 'TRUE') + plain('x')),
  },
  'non-numeric value': {
    code: 'invalid_macro_parameter_value',
    bad: macro('toc', parameter('maxLevel', 'three')),
    good: macro('toc', parameter('maxLevel', '3')),
  },
  'rich body on a plain-body macro': {
    code: 'wrong_macro_body',
    bad: macro('code', rich('<p>int x;</p>')),
    good: macro('code', plain('int x;')),
  },
  'plain body on a rich-body macro': {
    code: 'wrong_macro_body',
    bad: macro('info', plain('hello')),
    good: macro('info', rich('<p>hello</p>')),
  },
  'body on a body-less macro': {
    code: 'wrong_macro_body',
    bad: macro('toc', rich('<p>x</p>')),
    good: macro('toc'),
  },
  'ri:page directly in a paragraph': {
    code: 'misplaced_resource_identifier',
    bad: '<p>See <ri:page ri:content-title="Home"/></p>',
    good: '<p>See <ac:link><ri:page ri:content-title="Home"/></ac:link></p>',
  },
  'ri:page directly in an image': {
    code: 'misplaced_resource_identifier',
    bad: '<ac:image><ri:page ri:content-title="Home"/></ac:image>',
    good: '<ac:image><ri:attachment ri:filename="a.png"/></ac:image>',
  },
  'ri:user inside ri:attachment': {
    code: 'misplaced_resource_identifier',
    bad: '<ac:link><ri:attachment ri:filename="a.pdf"><ri:user ri:account-id="1"/></ri:attachment></ac:link>',
    good: '<ac:link><ri:attachment ri:filename="a.pdf"><ri:page ri:content-title="P"/></ri:attachment></ac:link>',
  },
  'ri:url at the top level': {
    code: 'misplaced_resource_identifier',
    bad: '<ri:url ri:value="https://example.org/a.png"/>',
    good: '<ac:image><ri:url ri:value="https://example.org/a.png"/></ac:image>',
  },
  'relative img src': {
    code: 'img_instead_of_ac_image',
    bad: '<p><img src="images/diagram.png"/></p>',
    good: '<p><ac:image><ri:attachment ri:filename="diagram.png"/></ac:image></p>',
  },
  'absolute img src (advice)': {
    code: 'img_instead_of_ac_image',
    severity: 'info',
    bad: '<p><img src="https://example.org/a.png"/></p>',
    good: '<p><ac:image><ri:url ri:value="https://example.org/a.png"/></ac:image></p>',
  },
  'table inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p>Intro<table><tbody><tr><td>x</td></tr></tbody></table></p>',
    good: '<p>Intro</p><table><tbody><tr><td>x</td></tr></tbody></table>',
  },
  'paragraph inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p><p>x</p></p>',
    good: '<p>x</p>',
  },
  'list inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p>Items:<ul><li>a</li></ul></p>',
    good: '<p>Items:</p><ul><li>a</li></ul>',
  },
  'heading inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p><h2>Title</h2></p>',
    good: '<h2>Title</h2>',
  },
  'block macro sharing a paragraph with text': {
    code: 'block_in_paragraph',
    bad: `<p>Example: ${macro('code', plain('x'))}</p>`,
    // Exporters wrap a block macro in its own <p>: that is normal (docs/storage-format.md §5).
    good: `<p>Example:</p><p>${macro('code', plain('x'))}</p>`,
  },
  'empty link': {
    code: 'empty_link',
    bad: '<p>See <ac:link></ac:link></p>',
    good: '<p>See <ac:link><ri:page ri:content-title="Home"/></ac:link></p>',
  },
  'parameter value indented by a pretty-printer': {
    code: 'whitespace_in_parameter',
    bad: macro('code', `\n  ${parameter('language', '\n    java\n  ')}\n  ${plain('x')}\n`),
    good: macro('code', `\n  ${parameter('language', 'java')}\n  ${plain('x')}\n`),
  },
  'space around a boolean value': {
    code: 'whitespace_in_parameter',
    bad: macro('noformat', parameter('nopanel', 'true ') + plain('x')),
    good: macro('noformat', parameter('nopanel', 'true') + plain('x')),
  },
  'legacy ac:macro': {
    code: 'legacy_macro',
    severity: 'info',
    bad: `<ac:macro ac:name="code">${plain('x')}</ac:macro>`,
    good: macro('code', plain('x')),
  },
  'macro without a name': {
    code: 'macro_without_name',
    bad: `<ac:structured-macro>${parameter('title', 'x')}</ac:structured-macro>`,
    good: macro('info', parameter('title', 'x') + rich('<p>y</p>')),
  },
  'duplicate macro id': {
    code: 'duplicate_macro_id',
    severity: 'info',
    bad: '<ac:structured-macro ac:name="toc" ac:macro-id="a1"/><ac:structured-macro ac:name="toc" ac:macro-id="a1"/>',
    good: '<ac:structured-macro ac:name="toc" ac:macro-id="a1"/><ac:structured-macro ac:name="toc" ac:macro-id="a2"/>',
  },
  'layout section with too many cells': {
    code: 'layout_cell_count',
    bad: '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>a</p></ac:layout-cell><ac:layout-cell><p>b</p></ac:layout-cell><ac:layout-cell><p>c</p></ac:layout-cell></ac:layout-section></ac:layout>',
    good: '<ac:layout><ac:layout-section ac:type="three_equal"><ac:layout-cell><p>a</p></ac:layout-cell><ac:layout-cell><p>b</p></ac:layout-cell><ac:layout-cell><p>c</p></ac:layout-cell></ac:layout-section></ac:layout>',
  },
  'task without status': {
    code: 'malformed_task',
    bad: '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-body>Do it</ac:task-body></ac:task></ac:task-list>',
    good: '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Do it</ac:task-body></ac:task></ac:task-list>',
  },
  'task with an unknown status': {
    code: 'malformed_task',
    bad: '<ac:task-list><ac:task><ac:task-status>done</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>',
    good: '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>',
  },
  'anchor link to nothing on the page': {
    code: 'unresolved_anchor',
    severity: 'info',
    bad: `<h2>Setup</h2><p><ac:link ac:anchor="install"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
    good: `<h2>Setup</h2><p>${macro('anchor', parameter('', 'install'))}</p><p><ac:link ac:anchor="install"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
  },
};

describe('checkSemantics: each finding, and silence on the correct form', () => {
  it.each(Object.entries(CASES))('%s', (_title, { code, severity = 'warning', bad, good }) => {
    expect(codes(bad)).toContain(`${severity} ${code}`);
    expect(codes(good)).toEqual([]);
  });
});

describe('checkSemantics: what real bodies do and must not be warned about', () => {
  it('accepts a paragraph holding only a block macro (exporters write that)', () => {
    expect(codes(`<p>${macro('children')}</p>`)).toEqual([]);
    expect(codes(`<p>${macro('toc')}&nbsp;<br/></p>`)).toEqual([]);
    expect(codes(`<p>${macro('toc')}${macro('children')}</p>`)).toEqual([]);
  });

  it('accepts inline macros among text, and unknown macros anywhere', () => {
    const status = macro('status', parameter('colour', 'Green') + parameter('title', 'OK'));
    expect(codes(`<p>State: ${status} today</p>`)).toEqual([]);
    expect(
      codes(
        `<p>File: ${macro('view-file', parameter('name', '<ri:attachment ri:filename="a.pdf"/>'))}</p>`,
      ),
    ).toEqual([]);
    expect(codes(`<p>Text ${macro('some-app-macro')}</p>`)).toEqual(['warning unknown_macro']);
  });

  it('accepts Cloud bookkeeping attributes and universal parameters', () => {
    const cloud =
      '<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:local-id="x" ac:macro-id="m" data-layout="default">' +
      parameter('atlassian-macro-output-type', 'BLOCK') +
      '</ac:structured-macro>';
    expect(codes(cloud)).toEqual([]);
  });

  it('never reports the unnamed parameter or parameters of open-ended macros as unknown', () => {
    expect(codes(macro('info', parameter('', 'Heads up') + rich('<p>x</p>')))).toEqual([]);
    expect(
      codes(
        `<p>${macro('jira', parameter('key', 'ABC-1') + parameter('showSummary', 'false'))}</p>`,
      ),
    ).toEqual([]);
    expect(
      codes(macro('plantuml', parameter('format', 'svg') + plain('@startuml\n@enduml'))),
    ).toEqual([]);
  });

  it('resolves aliases: jiraissues is checked as jira', () => {
    expect(codes(`<p>${macro('jiraissues', parameter('maximumIssues', 'many'))}</p>`)).toEqual([
      'warning invalid_macro_parameter_value',
    ]);
  });

  it('leaves whitespace around markup values and plain spaces in free text alone', () => {
    const page = '\n  <ac:link><ri:page ri:content-title="Home"/></ac:link>\n';
    expect(codes(macro('include', parameter('', page)))).toEqual([]);
    // Confluence's own exports end JQL queries with spaces.
    expect(codes(`<p>${macro('jira', parameter('jqlQuery', 'project = X  '))}</p>`)).toEqual([]);
    // A line break in free text is pretty-printer damage, even for macros we do not know.
    expect(codes(macro('some-app-macro', parameter('q', '\n  x\n')))).toEqual([
      'warning unknown_macro',
      'warning whitespace_in_parameter',
    ]);
  });

  it('accepts an empty <ac:link/> inside a parameter (children display: "this page")', () => {
    expect(codes(macro('children', parameter('page', '<ac:link />')))).toEqual([]);
  });

  it('accepts link bodies without a target, anchors and unknown layout types', () => {
    expect(codes('<p><ac:link><ac:link-body>this page</ac:link-body></ac:link></p>')).toEqual([]);
    expect(
      codes(
        '<ac:layout><ac:layout-section ac:type="fixed-width"><ac:layout-cell><p>a</p></ac:layout-cell></ac:layout-section></ac:layout>',
      ),
    ).toEqual([]);
  });

  it('resolves same-page anchors against headings (spaces removed), ids, and anchor parameters', () => {
    const link = (name: string) =>
      `<p><ac:link ac:anchor="${name}"><ac:link-body>go</ac:link-body></ac:link></p>`;
    expect(
      codes(`<h2>Getting started</h2>${link('Getting started')}${link('Gettingstarted')}`),
    ).toEqual([]);
    expect(codes(`<h2 id="custom">Title</h2>${link('custom')}`)).toEqual([]);
    expect(
      codes(`${macro('mathblock', parameter('anchor', 'eq1') + plain('x'))}${link('eq1')}`),
    ).toEqual([]);
    // An anchor on another page is that page's business.
    expect(
      codes('<p><ac:link ac:anchor="x"><ri:page ri:content-title="Other"/></ac:link></p>'),
    ).toEqual([]);
    // An anchor macro inside a heading is not part of the heading's text.
    expect(
      codes(`<h2>${macro('anchor', parameter('', 'a1'))}Intro</h2>${link('a1')}${link('Intro')}`),
    ).toEqual([]);
  });
});

describe('checkSemantics: messages and positions', () => {
  it('suggests the closest macro and parameter names', () => {
    const [unknownMacro] = check(macro('expnad', rich('<p>x</p>')));
    expect(unknownMacro?.message).toContain('Did you mean "expand"?');
    const [unknownParameter] = check(macro('code', parameter('langauge', 'java') + plain('x')));
    expect(unknownParameter?.message).toContain('Did you mean `language`?');
    const [far] = check(macro('completely-different'));
    expect(far?.message).not.toContain('Did you mean');
  });

  it('points at the ac:name attribute, the parameter element, and the start tag', () => {
    const source = [
      '<p>intro</p>',
      '<ac:structured-macro ac:name="infoo">',
      '  <ac:parameter ac:name="title">T</ac:parameter>',
      '</ac:structured-macro>',
      '<ac:structured-macro ac:name="info">',
      '  <ac:parameter ac:name="titel">T</ac:parameter>',
      '  <ac:rich-text-body><p>x</p></ac:rich-text-body>',
      '</ac:structured-macro>',
      '<ac:structured-macro ac:name="anchor"/>',
    ].join('\n');
    const found = check(source).map(({ code, line, column, endLine, endColumn }) => ({
      code,
      at: `${line}:${column}-${endLine}:${endColumn}`,
    }));
    expect(found).toEqual([
      { code: 'unknown_macro', at: '2:22-2:37' },
      { code: 'unknown_macro_parameter', at: '6:3-6:49' },
      { code: 'missing_macro_parameter', at: '9:1-9:40' },
    ]);
  });

  it('reports in document order, including anchors resolved at the end', () => {
    const source =
      '<p><ac:link ac:anchor="nowhere"><ac:link-body>a</ac:link-body></ac:link></p>' +
      macro('nope') +
      '<p><img src="a.png"/></p>';
    expect(codes(source)).toEqual([
      'info unresolved_anchor',
      'warning unknown_macro',
      'warning img_instead_of_ac_image',
    ]);
  });

  it('explains what happens on the page and how to fix it', () => {
    const [whitespace] = check(macro('code', parameter('language', '\n java\n') + plain('x')));
    expect(whitespace?.message).toContain('"\\n java\\n"');
    expect(whitespace?.message).toContain('"java"');
    const [image] = check('<p><img src="img/a.png"/></p>');
    expect(image?.message).toContain('<ri:attachment ri:filename="a.png"/>');
    const [layout] = check(
      '<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell/><ac:layout-cell/></ac:layout-section></ac:layout>',
    );
    expect(layout?.message).toContain('single layout section has 1 column');
  });
});

/**
 * Every finding on the real corpus, inspected one by one: unresolved anchors in c2md-jsonix
 * point at headings of *other* pages (broken in the source wiki); duplicate macro ids are in
 * Confluence's own exports and md2conf's "UUID" placeholders (advice only); the unknown macros
 * are fixtures' made-up names or apps we cannot vouch for; misc2 really has a nameless macro,
 * macro1 a legacy ac:macro, emoji a rendered emoticon <img>.
 */
const CORPUS_FINDINGS: Record<string, Record<string, number>> = {
  'c2md-jsonix__Properties.xml': { 'info unresolved_anchor': 2 },
  'c2md-jsonix__Types.xml': { 'info unresolved_anchor': 4 },
  'md2conf__math.xml': { 'info duplicate_macro_id': 3 },
  'md2conf__mermaid.xml': { 'info duplicate_macro_id': 5 },
  'md2conf__panel.xml': { 'info duplicate_macro_id': 17 },
  'md2conf__plantuml.xml': { 'info duplicate_macro_id': 3 },
  'md2conf__status.xml': { 'info duplicate_macro_id': 5 },
  'xwiki-confluence-export__alert-entities-body156868656.xml': {
    'warning unknown_macro': 5,
    'info duplicate_macro_id': 1,
  },
  'xwiki-confluence-export__blogs-entities-body2616328495.xml': { 'info duplicate_macro_id': 2 },
  'xwiki-confluence-export__codett-entities-body156868656.xml': {
    'warning unknown_macro': 1,
    'info duplicate_macro_id': 1,
  },
  'xwiki-confluence-export__emoji-entities-body0.xml': { 'info img_instead_of_ac_image': 1 },
  'xwiki-confluence-export__jira-entities-body0.xml': { 'info duplicate_macro_id': 2 },
  'xwiki-confluence-export__lists-entities-body156868656.xml': {
    'info duplicate_macro_id': 1,
    'warning unknown_macro': 2,
  },
  'xwiki-confluence-export__misc2-entities-body461143607.xml': {
    'warning unknown_macro': 1,
    'warning macro_without_name': 1,
  },
  'xwiki-confluence-export__userParams-entities-body0.xml': { 'warning unknown_macro': 1 },
  'xwiki-confluence-export__viewfileblock-entities-body156868656.xml': {
    'warning unknown_macro': 1,
  },
  'xwiki-confluence-xhtml__filter-inlinemacrosinparagraphs.xml': { 'warning unknown_macro': 1 },
  'xwiki-confluence-xhtml__link-macroinlink.xml': { 'warning unknown_macro': 1 },
  'xwiki-confluence-xhtml__macro-macro1.xml': { 'info legacy_macro': 1 },
};

describe('checkSemantics on the real corpus', () => {
  it.each(readCorpus('valid'))('valid/$name: only the findings we verified', ({ name, body }) => {
    const diagnostics = check(body);
    const counts: Record<string, number> = {};
    for (const d of diagnostics) {
      const key = `${d.severity} ${d.code}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual(CORPUS_FINDINGS[name] ?? {});
    const offsets = diagnostics.map((d) => [d.line, d.column]);
    const sorted = [...offsets].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(offsets).toEqual(sorted);
  });

  it('finds nothing to say about the whole-document edge case beyond its markup', () => {
    for (const { body } of readCorpus('edge-cases')) {
      expect(check(body).filter((d) => d.severity === 'warning')).toEqual([]);
    }
  });
});
