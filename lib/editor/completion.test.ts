import { describe, expect, it } from 'vitest';

import { completionsAt, type Suggestion } from './completion';
import { macroSnippet } from './macro-docs';
import { TEST_CATALOGUE } from './test-catalogue';

/** Completions at the `|` in `marked`. */
function at(marked: string): { text: string; items: Suggestion[] } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, items: completionsAt(text, offset, TEST_CATALOGUE) };
}

function labels(items: Suggestion[], kind?: Suggestion['kind']): string[] {
  return items.filter((item) => !kind || item.kind === kind).map((item) => item.label);
}

function byName(catalogueName: string) {
  const macro = TEST_CATALOGUE.find((m) => m.name === catalogueName);
  if (!macro) throw new Error(catalogueName);
  return macro;
}

describe('macroSnippet', () => {
  it('writes a rich-body macro with the cursor inside the body', () => {
    expect(macroSnippet(byName('info'))).toBe(
      '<ac:structured-macro ac:name="info">\n\t<ac:rich-text-body>\n\t\t<p>$0</p>\n\t</ac:rich-text-body>\n</ac:structured-macro>',
    );
  });
  it('writes a plain body as CDATA', () => {
    expect(macroSnippet(byName('code'))).toContain(
      '<ac:plain-text-body><![CDATA[$0]]></ac:plain-text-body>',
    );
  });
  it('makes required parameters tab stops, with choices for fixed values', () => {
    expect(macroSnippet(byName('status'))).toBe(
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="title">${1:}</ac:parameter><ac:parameter ac:name="colour">${2|Grey,Red,Green|}</ac:parameter></ac:structured-macro>',
    );
    expect(macroSnippet(byName('jira'))).toBe(
      '<ac:structured-macro ac:name="jira">\n\t<ac:parameter ac:name="key">${1:}</ac:parameter>\n</ac:structured-macro>$0',
    );
  });
  it('self-closes a macro without body or required parameters', () => {
    expect(macroSnippet(byName('toc'))).toBe('<ac:structured-macro ac:name="toc"/>$0');
  });
});

describe('completionsAt', () => {
  it('offers macros, ac:/ri: and XHTML elements after `<`, replacing from `<`', () => {
    const { items } = at('<p>x</p>\n<|');
    expect(labels(items, 'macro')).toEqual(['code', 'info', 'status', 'toc', 'jira']);
    expect(labels(items, 'resource')).toContain('ri:attachment');
    expect(labels(items, 'element')).toEqual(expect.arrayContaining(['ac:link', 'p', 'table']));
    const info = items.find((item) => item.label === 'info');
    expect(info).toMatchObject({ start: 9, end: 10, filterText: '<info', snippet: true });
  });

  it('offers the missing parameters of the enclosing macro first', () => {
    const { items } = at(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="title">T</ac:parameter><|</ac:structured-macro>',
    );
    const parameters = items.filter((item) => item.kind === 'parameter');
    expect(labels(parameters)).toEqual(['language', 'linenumbers']);
    expect(parameters[0]?.insertText).toBe(
      '<ac:parameter ac:name="language">${1|java,xml,js|}</ac:parameter>$0',
    );
  });

  it('completes the end tag of the innermost open element after `</`', () => {
    const { items } = at('<ul><li>x</|');
    expect(items).toEqual([
      expect.objectContaining({ label: '</li>', insertText: '</li>', start: 9, end: 11 }),
    ]);
  });

  it('offers macro names inside ac:name of a macro', () => {
    const { items } = at('<ac:structured-macro ac:name="i|"></ac:structured-macro>');
    expect(labels(items)).toContain('info');
    expect(items[0]).toMatchObject({ start: 30, end: 31 });
  });

  it('offers parameter names of the enclosing macro inside ac:parameter ac:name', () => {
    const { items } = at(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="|"></ac:parameter>',
    );
    expect(labels(items)).toEqual(['language', 'linenumbers', 'title']);
  });

  it('closes an unclosed quote (and the tag) when a parameter name is accepted before a `<`', () => {
    const { items } = at(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="lan|</ac:structured-macro>',
    );
    const language = items.find((item) => item.label === 'language');
    expect(language).toMatchObject({ insertText: 'language">', start: 59, end: 62 });
    const closed = at(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="lan|"></ac:parameter>',
    ).items.find((item) => item.label === 'language');
    expect(closed).toMatchObject({ insertText: 'language', start: 59, end: 62 });
  });

  it('closes an unclosed macro name the same way', () => {
    const { items } = at('<ac:structured-macro ac:name="in|\n</p>');
    expect(items.find((item) => item.label === 'info')).toMatchObject({ insertText: 'info">' });
  });

  it('offers allowed values inside a parameter, and true/false for booleans', () => {
    expect(
      labels(
        at('<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">j|</ac:parameter>')
          .items,
      ),
    ).toEqual(['java', 'xml', 'js']);
    const bool = at(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="linenumbers">|</ac:parameter>',
    );
    expect(labels(bool.items)).toEqual(['true', 'false']);
  });

  it('offers attribute names for ac:/ri: elements, without those already present', () => {
    expect(labels(at('<ri:page ri:space-key="X" |/>').items)).toEqual([
      'ri:content-title',
      'ri:version-at-save',
    ]);
    expect(labels(at('<ac:image ac:w|').items)).toContain('ac:width');
  });

  it('offers entities after `&`, inserting the full reference', () => {
    const { items } = at('<p>a &nb|</p>');
    const nbsp = items.find((item) => item.label === '&nbsp;');
    expect(nbsp).toMatchObject({ insertText: '&nbsp;', start: 5, end: 8, filterText: '&nbsp' });
    expect(items.some((item) => item.label === '&check;')).toBe(false);
  });

  it('offers nothing inside comments or CDATA', () => {
    expect(at('<!-- <| -->').items).toEqual([]);
    expect(at('<ac:plain-text-body><![CDATA[ <| ]]></ac:plain-text-body>').items).toEqual([]);
  });

  it('offers nothing in plain text', () => {
    expect(at('<p>hello |</p>').items).toEqual([]);
  });
});
