import { describe, expect, it } from 'vitest';

import { WHITESPACE_SENSITIVE_ELEMENTS } from './element-kinds';
import { formatStorage, tryFormatStorage } from './format';
import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import type { StorageNode } from './types';

/** Everything that carries meaning: elements with their attributes, and non-blank text, in order. */
function meaning(source: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        out.push(`<${node.name}${node.attributes.map((a) => ` ${a.name}=${a.value}`).join('')}>`);
        walk(node.children);
        out.push(`</${node.name}>`);
      } else if (node.type === 'text') {
        if (node.value.trim() !== '') out.push(`text:${node.value}`);
      } else if (node.type === 'cdata') out.push(`cdata:${node.value}`);
      else if (node.type === 'comment') out.push(`comment:${node.value}`);
    }
  };
  walk(parseStorage(source).document.children);
  return out;
}

/** The exact source of every element whose whitespace is significant. */
function sensitiveRegions(source: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (WHITESPACE_SENSITIVE_ELEMENTS.has(node.name)) {
        out.push(source.slice(node.span.start, node.span.end));
      } else walk(node.children);
    }
  };
  walk(parseStorage(source).document.children);
  return out;
}

describe('formatStorage over the real corpus', () => {
  it.each(readCorpus('valid'))('valid/$name: idempotent, clean, same meaning', ({ body }) => {
    const once = formatStorage(body);
    expect(formatStorage(once)).toBe(once);
    expect(parseStorage(once).diagnostics).toEqual([]);
    expect(meaning(once)).toEqual(meaning(body));
    expect(sensitiveRegions(once)).toEqual(sensitiveRegions(body));
  });
});

describe('formatStorage', () => {
  it('lays out the one-line body Confluence returns, one block per line', () => {
    const body =
      '<h1>Title</h1><ac:structured-macro ac:name="info" ac:schema-version="1"><ac:parameter ac:name="title">Read me</ac:parameter><ac:rich-text-body><p>One</p><p>Two</p></ac:rich-text-body></ac:structured-macro><table><tbody><tr><td>a</td><td><p>b</p></td></tr></tbody></table>';
    expect(formatStorage(body)).toBe(
      [
        '<h1>Title</h1>',
        '<ac:structured-macro ac:name="info" ac:schema-version="1">',
        '  <ac:parameter ac:name="title">Read me</ac:parameter>',
        '  <ac:rich-text-body>',
        '    <p>One</p>',
        '    <p>Two</p>',
        '  </ac:rich-text-body>',
        '</ac:structured-macro>',
        '<table>',
        '  <tbody>',
        '    <tr>',
        '      <td>a</td>',
        '      <td>',
        '        <p>b</p>',
        '      </td>',
        '    </tr>',
        '  </tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('never adds or removes whitespace inside inline content', () => {
    const body =
      '<p>a <strong>b</strong><em>c</em> <ac:structured-macro ac:name="status"><ac:parameter ac:name="title">X</ac:parameter></ac:structured-macro><ac:structured-macro ac:name="status"><ac:parameter ac:name="title">Y</ac:parameter></ac:structured-macro></p>';
    expect(formatStorage(body)).toBe(body);
  });

  it('keeps parameters, code and pre exactly', () => {
    const body =
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language"> java </ac:parameter><ac:plain-text-body><![CDATA[  a\n    b]]></ac:plain-text-body></ac:structured-macro><pre>  x\n  y</pre>';
    const formatted = formatStorage(body);
    expect(formatted).toContain('<ac:parameter ac:name="language"> java </ac:parameter>');
    expect(formatted).toContain('<![CDATA[  a\n    b]]>');
    expect(formatted).toContain('<pre>  x\n  y</pre>');
  });

  it('re-indents an already formatted body to the same result', () => {
    const messy = '<ul>\n        <li><p>x</p></li>\n<li><p>y</p>   </li></ul>';
    expect(formatStorage(messy)).toBe(
      '<ul>\n  <li>\n    <p>x</p>\n  </li>\n  <li>\n    <p>y</p>\n  </li>\n</ul>',
    );
  });

  it('refuses a body with errors and says why', () => {
    const result = tryFormatStorage('<p>a<br></p>');
    expect(result).toEqual({
      formatted: '<p>a<br></p>',
      ok: false,
      reason: expect.stringContaining('1 error'),
    });
  });
});
