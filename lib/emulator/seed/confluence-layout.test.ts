import { describe, expect, it } from 'vitest';

import { canonicalizeStorage } from '@/lib/storage-format/canonical';
import { readCorpus } from '@/lib/storage-format/testing/corpus';

import { ATTACHMENTS_BODY, MACRO_SHOWCASE_BODY, SANDBOX_BODY, largeTablesBody } from './bodies';
import { toConfluenceLayout } from './confluence-layout';

/** The body without its CDATA sections: what must be on one line. */
const outsideCdata = (body: string): string => body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');

describe('toConfluenceLayout', () => {
  it('joins blocks onto one line, at every depth', () => {
    expect(
      toConfluenceLayout(
        '<h1>Title</h1>\n<table>\n  <tbody>\n    <tr>\n      <td>cell</td>\n    </tr>\n  </tbody>\n</table>\n',
      ),
    ).toBe('<h1>Title</h1><table><tbody><tr><td>cell</td></tr></tbody></table>');
  });

  it('keeps newlines that are content: CDATA, pre, macro parameters and text in a paragraph', () => {
    const body =
      '<p>two\nwords</p>\n<pre>a\n  b</pre>\n' +
      '<ac:structured-macro ac:name="code">\n<ac:parameter ac:name="title">x\ny</ac:parameter>\n' +
      '<ac:plain-text-body><![CDATA[line 1\nline 2\n]]></ac:plain-text-body>\n</ac:structured-macro>';
    expect(toConfluenceLayout(body)).toBe(
      '<p>two\nwords</p><pre>a\n  b</pre>' +
        '<ac:structured-macro ac:name="code"><ac:parameter ac:name="title">x\ny</ac:parameter>' +
        '<ac:plain-text-body><![CDATA[line 1\nline 2\n]]></ac:plain-text-body></ac:structured-macro>',
    );
  });

  it('keeps the blank between inline elements: it is a space a reader sees', () => {
    const body = '<p><strong>a</strong> <em>b</em></p>\n<p>c</p>';
    expect(toConfluenceLayout(body)).toBe('<p><strong>a</strong> <em>b</em></p><p>c</p>');
  });

  it('refuses a body that is not well-formed rather than guess', () => {
    expect(() => toConfluenceLayout('<p>a<br></p>')).toThrow(/well-formed/);
  });

  it.each([
    ['Sandbox', SANDBOX_BODY],
    ['Macro showcase', MACRO_SHOWCASE_BODY],
    ['Large page', largeTablesBody(20_000)],
    ...readCorpus('valid').map(({ name, body }): [string, string] => [name, body]),
  ])('leaves the canonical form of %s unchanged', (_name, body) => {
    const canonical = canonicalizeStorage(body);
    if (canonical === null) return expect(() => toConfluenceLayout(body)).toThrow();
    const joined = toConfluenceLayout(body);
    expect(canonicalizeStorage(joined)).toBe(canonical);
    // Idempotent: a body already laid out as Confluence stores it is returned as it is.
    expect(toConfluenceLayout(joined)).toBe(joined);
  });

  it.each([
    ['Sandbox', SANDBOX_BODY],
    ['Page with attachments', ATTACHMENTS_BODY],
    ['Large page', largeTablesBody(20_000)],
  ])('puts %s on one line outside CDATA', (_name, body) => {
    expect(outsideCdata(body)).toContain('\n');
    expect(outsideCdata(toConfluenceLayout(body))).not.toContain('\n');
  });
});
