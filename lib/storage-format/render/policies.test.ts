import { describe, expect, it } from 'vitest';

import { escapeHtmlAttribute, escapeHtmlText } from './escape';
import { HtmlWriter, type TagName } from './html-writer';
import { filterStyle, safeColour, safeLength, type StyleProperty } from './style-policy';
import { isHttpUrl, safeImageUrl, safeLinkUrl } from './url-policy';

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeHtmlAttribute('x" onmouseover="y')).toBe('x&quot; onmouseover=&quot;y');
    expect(escapeHtmlText('plain')).toBe('plain');
    expect(escapeHtmlText('nul\u0000')).toBe('nul\uFFFD');
  });

  it('escapes long values (searched first) exactly like short ones, wherever the specials are', () => {
    const reference = (value: string, quotes: boolean) =>
      [...value]
        .map((c) =>
          c === '&'
            ? '&amp;'
            : c === '<'
              ? '&lt;'
              : c === '>'
                ? '&gt;'
                : c === '"' && quotes
                  ? '&quot;'
                  : c === '\u0000'
                    ? '\uFFFD'
                    : c,
        )
        .join('');
    for (const special of ['&', '<', '>', '"', '\u0000']) {
      for (const length of [0, 1, 9, 10, 11, 12, 13, 23, 62, 80]) {
        for (const at of [0, Math.floor(length / 2), length]) {
          const value = 'x'.repeat(at) + special + 'y'.repeat(length - at) + special;
          expect(escapeHtmlText(value)).toBe(reference(value, false));
          expect(escapeHtmlAttribute(value)).toBe(reference(value, true));
        }
      }
    }
    const clean = 'a long value with nothing to escape in it at all';
    expect(escapeHtmlText(clean)).toBe(clean);
    expect(escapeHtmlAttribute(clean)).toBe(clean);
  });
});

describe('HtmlWriter', () => {
  it('writes allowlisted tags and attributes with escaped values', () => {
    const out = new HtmlWriter();
    out.open('p', { title: '"><script>', class: 'a', id: null, open: true });
    out.text('<b>');
    out.close('p');
    expect(out.toString()).toBe('<p title="&quot;&gt;&lt;script&gt;" class="a" open>&lt;b&gt;</p>');
  });

  it('refuses names outside its allowlists', () => {
    const out = new HtmlWriter();
    expect(() => out.open('script' as TagName)).toThrow(/not allowlisted/);
    expect(() => out.open('p', { onclick: 'x' } as never)).toThrow(/not allowlisted/);
  });

  it('puts a source line on the next element only if nothing came before it', () => {
    const out = new HtmlWriter();
    out.markSourceLine(3);
    out.open('div');
    out.open('p');
    out.close('p');
    out.close('div');
    out.markSourceLine(7);
    out.text('loose text');
    out.open('p');
    out.close('p');
    expect(out.toString()).toBe('<div data-source-line="3"><p></p></div>loose text<p></p>');
  });

  it('fills reserved slots later', () => {
    const out = new HtmlWriter();
    out.text('a');
    const slot = out.reserve();
    out.text('c');
    const inner = new HtmlWriter();
    inner.text('b');
    out.fill(slot, inner);
    expect(out.toString()).toBe('abc');
  });
});

describe('URL policy', () => {
  it('allows http(s), mailto, relative and anchors for links', () => {
    for (const url of [
      'https://x.test/a?b=1',
      'http://x.test',
      'mailto:a@b.test',
      '/p/1',
      'a.html',
      '#x',
    ]) {
      expect(safeLinkUrl(url)).toBe(url);
    }
  });

  it('refuses script and other schemes, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ]) {
      expect(safeLinkUrl(url), url).toBeNull();
      expect(safeImageUrl(url), url).toBeNull();
    }
  });

  it('reads the scheme from the first 65 characters that are not whitespace or controls', () => {
    const longHost = 'https://' + 'a'.repeat(70);
    expect(safeLinkUrl(longHost + '\tb')).toBe(longHost + '\tb');
    expect(safeLinkUrl('j\ta\tv\ta' + 'script:alert(1)')).toBeNull();
    // A scheme pushed past the probe by ignored characters is read as no scheme at all.
    expect(safeLinkUrl('x'.repeat(70) + ':y')).toBe('x'.repeat(70) + ':y');
    expect(safeLinkUrl('x'.repeat(60) + '\t'.repeat(10) + 'abcde:y')).toBe(
      'x'.repeat(60) + '\t'.repeat(10) + 'abcde:y',
    );
    expect(safeLinkUrl('x'.repeat(60) + '\t'.repeat(10) + 'abcd:y')).toBeNull();
  });

  it('allows raster data images but not SVG or HTML ones', () => {
    expect(safeImageUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeImageUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeNull();
    expect(safeLinkUrl('data:image/png;base64,AAAA')).toBeNull();
  });

  it('tells absolute http(s) URLs', () => {
    expect(isHttpUrl('https://x.test/i.png')).toBe(true);
    expect(isHttpUrl('i.png')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('style policy', () => {
  const all = new Set<StyleProperty>(['text-align', 'color', 'background-color', 'width']);

  it('keeps allowlisted declarations with valid values', () => {
    expect(filterStyle('text-align: center; color: rgb(255,0,0);', all)).toBe(
      'text-align: center; color: rgb(255,0,0)',
    );
    expect(filterStyle('width: 136.0px; background: #FFF !important', all)).toBe(
      'width: 136.0px; background-color: #fff',
    );
  });

  it('drops everything else', () => {
    expect(filterStyle('position: fixed; top: 0; background: url(https://x.test/y)', all)).toBe('');
    expect(filterStyle('color: expression(alert(1))', all)).toBe('');
    expect(filterStyle('color: red; color: red}body{display:none', all)).toBe('color: red');
    expect(filterStyle('text-align: center', new Set<StyleProperty>(['color']))).toBe('');
  });

  it('validates colours and lengths', () => {
    expect(safeColour('#79f2c0')).toBe('#79f2c0');
    expect(safeColour('79f2c0')).toBe('#79f2c0');
    expect(safeColour('LightBlue')).toBe('lightblue');
    expect(safeColour('var(--ds-background-accent-blue-subtlest)')).toBe(
      'var(--ds-background-accent-blue-subtlest)',
    );
    expect(safeColour('var(--x);background:url(y)')).toBeNull();
    expect(safeColour('red;x')).toBeNull();
    expect(safeLength('30')).toBe('30px');
    expect(safeLength('50%')).toBe('50%');
    expect(safeLength('calc(100% - 1px)')).toBeNull();
  });
});
