import { describe, expect, it } from 'vitest';

import { codes, macro, parameter, plain, rich } from './testing/semantic-check-helpers';

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
