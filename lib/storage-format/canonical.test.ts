import { describe, expect, it } from 'vitest';

import {
  canonicalizeForDiff,
  canonicalizeStorage,
  isCanonicallyEqual,
  isNoOpSave,
} from './canonical';
import { formatStorage } from './format';
import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import type { StorageNode } from './types';

const valid = readCorpus('valid');

describe('canonicalizeStorage over the real corpus', () => {
  it.each(valid)('valid/$name: idempotent and parseable', ({ body }) => {
    const once = canonicalizeStorage(body);
    expect(once).not.toBeNull();
    expect(parseStorage(once!).diagnostics).toEqual([]);
    expect(canonicalizeStorage(once!)).toBe(once);
  });

  it.each(valid)('valid/$name: the formatted body means the same', ({ body }) => {
    expect(isCanonicallyEqual(formatStorage(body), body)).toBe(true);
  });
});

/** Offsets of every text character and every attribute value in a body, for mutations. */
function mutationSites(source: string): { text: number[]; attributes: number[] } {
  const text: number[] = [];
  const attributes: number[] = [];
  const walk = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        for (const attribute of node.attributes) {
          // A plain character in the value (not part of an entity reference).
          const raw = source.slice(attribute.valueSpan.start, attribute.valueSpan.end);
          if (/^[A-Za-z0-9]/.test(raw)) attributes.push(attribute.valueSpan.start);
        }
        walk(node.children);
      } else if (node.type === 'text' || node.type === 'cdata') {
        const start = node.type === 'cdata' ? node.span.start + 9 : node.span.start;
        const raw = source.slice(start, node.span.end);
        const at = raw.search(/[A-Za-z0-9]/);
        if (at >= 0) text.push(start + at);
      }
    }
  };
  walk(parseStorage(source).document.children);
  return { text, attributes };
}

/** Replaces the letter or digit at `offset` with a different one of the same kind. */
function changeCharAt(source: string, offset: number): string {
  const c = source[offset]!;
  const other = /[0-9]/.test(c) ? (c === '7' ? '8' : '7') : c === 'q' ? 'z' : 'q';
  return source.slice(0, offset) + other + source.slice(offset + 1);
}

describe('real differences are never hidden (mutation tests over the corpus)', () => {
  it.each(valid)('valid/$name: a changed character or attribute value is a change', ({ body }) => {
    const { text, attributes } = mutationSites(body);
    // Every 7th site keeps the run short while touching every kind of content.
    const sites = [
      ...text.filter((_, i) => i % 7 === 0),
      ...attributes.filter((_, i) => i % 7 === 0),
    ];
    for (const offset of sites) {
      const mutated = changeCharAt(body, offset);
      expect(isCanonicallyEqual(body, mutated), `change at ${offset}`).toBe(false);
    }
  });
});

describe('canonicalizeStorage', () => {
  it('sorts attributes and writes one quote style', () => {
    expect(canonicalizeStorage(`<ac:structured-macro ac:schema-version='1' ac:name="info"/>`)).toBe(
      '<ac:structured-macro ac:name="info" ac:schema-version="1"/>',
    );
  });

  it('spells every entity as its character, escaping only what XML needs', () => {
    const forms = ['<p>a&nbsp;b</p>', '<p>a&#160;b</p>', '<p>a&#xA0;b</p>', '<p>a\u00a0b</p>'];
    for (const form of forms) expect(canonicalizeStorage(form)).toBe('<p>a\u00a0b</p>');
    expect(canonicalizeStorage('<p>&lt;x&gt; &amp; &quot;q&quot; &apos;</p>')).toBe(
      `<p>&lt;x&gt; &amp; "q" '</p>`,
    );
    expect(canonicalizeStorage('<a href="?a=1&amp;b=&quot;2&quot;">x</a>')).toBe(
      '<a href="?a=1&amp;b=&quot;2&quot;">x</a>',
    );
  });

  it('writes empty elements self-closed', () => {
    expect(canonicalizeStorage('<p></p><br/><table><tbody></tbody></table>')).toBe(
      '<p/><br/><table><tbody/></table>',
    );
  });

  it('drops whitespace between blocks but keeps it in inline content', () => {
    expect(canonicalizeStorage('\n<p>a  <strong>b</strong> c</p>\n  <p>d</p>\n')).toBe(
      '<p>a  <strong>b</strong> c</p><p>d</p>',
    );
    expect(isCanonicallyEqual('<p>a <em>b</em></p>', '<p>a<em>b</em></p>')).toBe(false);
    expect(isCanonicallyEqual('<p>a b</p>', '<p>a  b</p>')).toBe(false);
  });

  it('keeps pre, code, macro parameters and CDATA character for character', () => {
    const pre = '<pre>  a\n\n  b </pre>';
    expect(canonicalizeStorage(pre)).toBe(pre);
    expect(isCanonicallyEqual('<pre> a</pre>', '<pre>a</pre>')).toBe(false);
    const code =
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[  x < y ]]]]><![CDATA[>\n]]></ac:plain-text-body></ac:structured-macro>';
    expect(canonicalizeStorage(code)).toBe(code);
    expect(
      isCanonicallyEqual(
        '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">T </ac:parameter></ac:structured-macro>',
        '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">T</ac:parameter></ac:structured-macro>',
      ),
    ).toBe(false);
  });

  it('keeps whitespace around inline macros, where it shows', () => {
    const a =
      '<p><ac:structured-macro ac:name="status"/> <ac:structured-macro ac:name="status"/></p>';
    const b =
      '<p><ac:structured-macro ac:name="status"/><ac:structured-macro ac:name="status"/></p>';
    expect(isCanonicallyEqual(a, b)).toBe(false);
  });

  it('answers null for a body with errors, and compares such bodies exactly', () => {
    expect(canonicalizeStorage('<p>a<br></p>')).toBeNull();
    expect(isCanonicallyEqual('<p>a<br></p>', '<p>a<br></p>')).toBe(true);
    expect(isCanonicallyEqual('<p>a<br></p>', '<p>a<br> </p>')).toBe(false);
    expect(isCanonicallyEqual('<p>a<br/></p>', '<p>a<br></p>')).toBe(false);
  });

  it('normalises line breaks as XML does', () => {
    expect(isCanonicallyEqual('<pre>a\r\nb</pre>', '<pre>a\nb</pre>')).toBe(true);
  });
});

describe('options and helpers', () => {
  it('can leave out attributes Confluence adds on save', () => {
    const sent = '<ac:structured-macro ac:name="toc"/>';
    const stored = '<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:macro-id="4f1c"/>';
    const ignoreAttributes = new Set(['ac:macro-id', 'ac:schema-version']);
    expect(canonicalizeStorage(stored, { ignoreAttributes })).toBe(
      canonicalizeStorage(sent, { ignoreAttributes }),
    );
    expect(isCanonicallyEqual(sent, stored)).toBe(false);
  });

  it('lays the canonical form out one block per line for diffs', () => {
    expect(
      canonicalizeForDiff('<p>a&nbsp;b</p><table><tbody><tr><td>x</td></tr></tbody></table>'),
    ).toBe(
      '<p>a\u00a0b</p>\n<table>\n  <tbody>\n    <tr>\n      <td>x</td>\n    </tr>\n  </tbody>\n</table>',
    );
    expect(canonicalizeForDiff('<p>')).toBeNull();
  });

  it('recognises a save that changes nothing', () => {
    const loaded = { title: 'Sandbox', body: '<p>a&#160;b</p>' };
    expect(isNoOpSave(loaded, { title: 'Sandbox ', body: '\n<p>a&nbsp;b</p>\n' })).toBe(true);
    expect(isNoOpSave(loaded, { title: 'Sandbox 2', body: loaded.body })).toBe(false);
    expect(isNoOpSave(loaded, { title: 'Sandbox', body: '<p>a b</p>' })).toBe(false);
  });
});
