import { describe, expect, it } from 'vitest';

import { renderStorage } from './render';
import type { RenderOptions } from './render-options';
import { htmlBody, renderToBody } from './render-test-support';

/** Plain XHTML, links, images and Confluence structure elements, one behaviour per test. */

const render = (source: string, options: RenderOptions = {}) => renderToBody(source, options);

describe('plain XHTML', () => {
  it('renders headings with ids, paragraphs and inline formatting', () => {
    const body = render(
      '<h1>Intro text</h1><p style="text-align: center;">a <b>b</b> <i>i</i> <u>u</u> <s>s</s> <sub>2</sub> <code>c</code></p>',
    );
    expect(body.querySelector('h1')?.id).toBe('user-content-Introtext');
    expect(body.querySelector('p')?.getAttribute('style')).toBe('text-align: center');
    expect(body.querySelector('p strong')?.textContent).toBe('b');
    expect(body.querySelector('p em')?.textContent).toBe('i');
    for (const tag of ['u', 's', 'sub', 'code'])
      expect(body.querySelector(`p ${tag}`)).not.toBeNull();
  });

  it('keeps an id written on a heading and makes duplicate ids unique', () => {
    const body = render('<h2 id="custom">A</h2><h2>Same</h2><h2>Same</h2>');
    const ids = Array.from(body.querySelectorAll('h2')).map((h) => h.id);
    expect(ids).toEqual(['user-content-custom', 'user-content-Same', 'user-content-Same.1']);
  });

  it('renders lists with start numbers and nested content', () => {
    const body = render('<ol start="3"><li><p>a</p><ul><li>b</li></ul></li></ol>');
    expect(body.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(body.querySelector('ol > li > ul > li')?.textContent).toBe('b');
  });

  it('renders tables with spans, colgroup widths, header scope, highlights and layout', () => {
    const body = render(
      '<table data-layout="wide" data-table-width="760"><colgroup><col style="width: 136.0px;"/><col/></colgroup><tbody>' +
        '<tr><th scope="col" colspan="2">H</th></tr>' +
        '<tr><td rowspan="2" style="text-align: right; position: fixed">a</td>' +
        '<td class="highlight-#79f2c0" data-highlight-colour="#79f2c0">b</td></tr>' +
        '<tr><td class="highlight-grey">c</td></tr></tbody></table>',
    );
    const table = body.querySelector('table')!;
    expect(table.getAttribute('data-layout')).toBe('wide');
    expect(table.getAttribute('style')).toContain('width: 760px');
    expect(body.querySelector('col')?.getAttribute('style')).toBe('width: 136.0px');
    const th = body.querySelector('th')!;
    expect([th.getAttribute('scope'), th.getAttribute('colspan')]).toEqual(['col', '2']);
    const cells = body.querySelectorAll('td');
    expect(cells[0]?.getAttribute('rowspan')).toBe('2');
    expect(cells[0]?.getAttribute('style')).toBe('text-align: right');
    expect(cells[1]?.getAttribute('style')).toBe('background-color: #79f2c0');
    expect(cells[2]?.getAttribute('style')).toBe('background-color: #f4f5f7');
  });

  it('writes a paragraph that holds a block macro as a div, so no empty paragraphs appear', () => {
    const body = render(
      '<p><ac:structured-macro ac:name="info"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro></p>',
    );
    expect(body.querySelectorAll('p')).toHaveLength(1);
    expect(body.querySelector('div.pw-p > .pw-panel-info')).not.toBeNull();
  });

  it('keeps the leading newline of pre text', () => {
    const body = render('<pre>\nline 2</pre>');
    expect(body.querySelector('pre')?.textContent).toBe('\nline 2');
  });

  it('renders unknown elements as their content and blocked ones as a labelled note', () => {
    const body = render(
      '<p><foo>kept</foo><x:y>also</x:y></p><script>alert(1)</script><svg><g/></svg>',
    );
    expect(body.querySelector('p')?.textContent).toBe('keptalso');
    expect(body.querySelector('foo, script, svg')).toBeNull();
    const notes = Array.from(body.querySelectorAll('.pw-blocked')).map((n) => n.textContent);
    expect(notes).toEqual(['<script> not shown in the preview', '<svg> not shown in the preview']);
  });

  it('shows the body of a whole HTML document but not its head', () => {
    const body = render(
      '<html><head><title>T</title><style>p{}</style></head><body><h1>Report</h1></body></html>',
    );
    expect(body.textContent).toBe('Report');
  });

  it('shows CDATA anywhere as text', () => {
    expect(render('<p><![CDATA[<b>x</b>]]></p>').querySelector('p')?.textContent).toBe('<b>x</b>');
  });
});

describe('links', () => {
  const options: RenderOptions = {
    pageUrl: ({ title, spaceKey }) => `/wiki/${spaceKey ?? 'CUR'}/${encodeURIComponent(title)}`,
    attachmentUrl: ({ filename }) => `/att/${encodeURIComponent(filename)}`,
    userName: ({ accountId }) => (accountId === 'u1' ? 'Ada Lovelace' : null),
  };

  it('links pages through pageUrl, with the anchor, and uses the title as default text', () => {
    const body = render(
      '<p><ac:link ac:anchor="Sec 1"><ri:page ri:space-key="DOC" ri:content-title="My Page"/></ac:link></p>',
      options,
    );
    const link = body.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/wiki/DOC/My%20Page#Sec%201');
    expect(link.textContent).toBe('My Page');
  });

  it('renders rich and plain link bodies', () => {
    const body = render(
      '<p><ac:link><ri:page ri:content-title="P"/><ac:link-body><strong>rich</strong></ac:link-body></ac:link>' +
        '<ac:link><ri:attachment ri:filename="a.pdf"/><ac:plain-text-link-body><![CDATA[<plain>]]></ac:plain-text-link-body></ac:link></p>',
      options,
    );
    const links = body.querySelectorAll('a');
    expect(links[0]?.querySelector('strong')?.textContent).toBe('rich');
    expect(links[1]?.getAttribute('href')).toBe('/att/a.pdf');
    expect(links[1]?.textContent).toBe('<plain>');
  });

  it('links external URLs and in-page anchors to the prefixed ids', () => {
    const body = render(
      '<p><ac:link><ri:url ri:value="https://example.org/"/></ac:link><ac:link ac:anchor="top"/><a href="#intro">i</a></p>',
    );
    const hrefs = Array.from(body.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/', '#user-content-top', '#user-content-intro']);
  });

  it('renders a page link without a URL builder as an unresolved link', () => {
    const body = render('<p><ac:link><ri:page ri:content-title="Elsewhere"/></ac:link></p>');
    expect(body.querySelector('a')).toBeNull();
    expect(body.querySelector('.pw-link-unresolved')?.textContent).toBe('Elsewhere');
  });

  it('shows mentions as @name, falling back to the stored id', () => {
    const body = render(
      '<p><ac:link><ri:user ri:account-id="u1"/></ac:link> <ac:link><ri:user ri:userkey="k2"/></ac:link></p>',
      options,
    );
    const mentions = Array.from(body.querySelectorAll('.pw-mention')).map((m) => m.textContent);
    expect(mentions).toEqual(['@Ada Lovelace', '@k2']);
  });

  it('refuses javascript: hrefs from the body and from the URL builders', () => {
    const body = render(
      '<p><a href="javascript:alert(1)">a</a><ac:link><ri:page ri:content-title="P"/></ac:link></p>',
      { pageUrl: () => 'javascript:alert(2)' },
    );
    expect(body.querySelector('[href]')).toBeNull();
  });
});

describe('images', () => {
  it('shows attachment images through attachmentUrl, with size, alt, alignment and caption', () => {
    const body = render(
      '<ac:image ac:align="center" ac:width="300" ac:alt="Diagram"><ri:attachment ri:filename="d.png"><ri:page ri:content-title="Other"/></ri:attachment><ac:caption><p>Cap</p></ac:caption></ac:image>',
      {
        attachmentUrl: ({ filename, pageTitle }) => `/att/${pageTitle}/${filename}`,
      },
    );
    const img = body.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/att/Other/d.png');
    expect(img.getAttribute('width')).toBe('300');
    expect(img.getAttribute('alt')).toBe('Diagram');
    expect(body.querySelector('.pw-image-center .pw-image-caption')?.textContent).toBe('Cap');
  });

  it('shows a labelled box when an attachment cannot be shown', () => {
    const body = render('<ac:image><ri:attachment ri:filename="gone.png"/></ac:image>', {
      attachmentUrl: () => null,
    });
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('.pw-image-missing')?.textContent).toBe('Missing image: gone.png');
  });

  it('shows ri:url images only over http(s), and plain img only with absolute URLs', () => {
    const body = render(
      '<p><ac:image><ri:url ri:value="https://x.test/a.png"/></ac:image><ac:image><ri:url ri:value="javascript:alert(1)"/></ac:image>' +
        '<img src="https://x.test/b.png"/><img src="local.png"/></p>',
    );
    const srcs = Array.from(body.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(srcs).toEqual(['https://x.test/a.png', 'https://x.test/b.png']);
    expect(body.querySelectorAll('.pw-image-missing')).toHaveLength(2);
  });
});

describe('Confluence structure elements', () => {
  it('renders task lists as inert checkbox visuals', () => {
    const body = render(
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Done</ac:task-body></ac:task>' +
        '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Todo</ac:task-body></ac:task></ac:task-list>',
    );
    expect(body.querySelector('input')).toBeNull();
    const boxes = Array.from(body.querySelectorAll('[role="checkbox"]'));
    expect(boxes.map((b) => b.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    expect(boxes.map((b) => b.textContent)).toEqual(['☑', '☐']);
    expect(body.textContent).not.toContain('incomplete');
    expect(body.querySelector('.pw-task-complete .pw-task-body')?.textContent).toBe('Done');
  });

  it('renders layouts as sections of cells with the section type', () => {
    const body = render(
      '<ac:layout><ac:layout-section ac:type="two_left_sidebar"><ac:layout-cell><p>L</p></ac:layout-cell><ac:layout-cell><p>R</p></ac:layout-cell></ac:layout-section></ac:layout>',
    );
    const section = body.querySelector('.pw-layout > .pw-layout-section')!;
    expect(section.getAttribute('data-layout')).toBe('two_left_sidebar');
    expect(section.querySelectorAll(':scope > .pw-layout-cell')).toHaveLength(2);
  });

  it('renders emoticons from the fallback, the emoji id or the classic name', () => {
    const body = render(
      '<p><ac:emoticon ac:emoji-fallback="🏹" ac:name="blue-star"/><ac:emoticon ac:emoji-id="1f600"/><ac:emoticon ac:name="tick"/><ac:emoticon ac:name="constructor"/></p>',
    );
    const shown = Array.from(body.querySelectorAll('.pw-emoticon')).map((e) => e.textContent);
    expect(shown).toEqual(['🏹', '😀', '✅', ':constructor:']);
  });

  it('formats <time datetime> as a date', () => {
    const body = render('<p>due <time datetime="2020-01-05"/> or <time datetime="soon"/></p>');
    const times = body.querySelectorAll('time');
    expect(times[0]?.textContent).toBe('5 Jan 2020');
    expect(times[0]?.getAttribute('datetime')).toBe('2020-01-05');
    expect(times[1]?.textContent).toBe('soon');
  });

  it('shows placeholders as instruction text and inline comment markers as highlights', () => {
    const body = render(
      '<p><ac:placeholder>Type here</ac:placeholder> <ac:inline-comment-marker ac:ref="r1">noted</ac:inline-comment-marker></p>',
    );
    expect(body.querySelector('.pw-placeholder')?.textContent).toBe('Type here');
    expect(body.querySelector('mark.pw-inline-comment')?.textContent).toBe('noted');
  });

  it('draws a Cloud note panel from its content, and other ADF nodes from their fallback', () => {
    const body = render(
      '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute><ac:adf-content><p>hello</p></ac:adf-content></ac:adf-node><ac:adf-fallback><p>old</p></ac:adf-fallback></ac:adf-extension>' +
        '<ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-content><p>new</p></ac:adf-content></ac:adf-node><ac:adf-fallback><p>fallback</p></ac:adf-fallback></ac:adf-extension>',
    );
    expect(body.querySelector('.pw-panel-purple')?.textContent).toBe('hello');
    expect(body.textContent).not.toContain('old');
    expect(body.querySelector('.pw-adf')?.textContent).toBe('fallback');
  });
});

describe('the whole pipeline', () => {
  it('tags each top-level block with the line of its start tag', () => {
    const html = renderStorage(
      '<h1>T</h1>\n<p>a</p>\n\n<table><tbody><tr><td>x</td></tr></tbody></table>\ntext',
      {
        sanitizer: 'none',
      },
    );
    const lines = Array.from(htmlBody(html).querySelectorAll('[data-source-line]')).map((e) => [
      e.tagName.toLowerCase(),
      e.getAttribute('data-source-line'),
    ]);
    expect(lines).toEqual([
      ['h1', '1'],
      ['p', '2'],
      ['div', '4'],
    ]);
  });

  it('renders a body with errors as far as it goes, without throwing', () => {
    const body = render(
      '<p>one<br></p><p>two &amp bare & <ac:structured-macro ac:name="info"><ac:rich-text-body><p>three',
    );
    expect(body.textContent).toContain('one');
    expect(body.textContent).toContain('two');
    expect(body.querySelector('.pw-panel-info')?.textContent).toContain('three');
  });

  it('flattens absurdly deep nesting to text instead of overflowing the stack', () => {
    const depth = 5000;
    const body = render('<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth));
    expect(body.textContent).toBe('deep');
  });

  it('needs a sanitizer in Node, and skips the layer only when told', () => {
    expect(() => renderStorage('<p>x</p>')).toThrow(/createNodeSanitizer/);
    expect(renderStorage('<p>x</p>', { sanitizer: 'none' })).toBe(
      '<p data-source-line="1" data-source-offset="0">x</p>',
    );
    expect(renderStorage('<p>x</p>', { sanitizer: (html) => html.toUpperCase() })).toBe(
      '<P DATA-SOURCE-LINE="1" DATA-SOURCE-OFFSET="0">X</P>',
    );
  });

  it('gives the same ids with and without DOMPurify (which prefixes them itself)', () => {
    const source =
      '<h2>Title</h2><p><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">here</ac:parameter></ac:structured-macro></p>';
    const withPurify = render(source);
    const without = htmlBody(renderStorage(source, { sanitizer: 'none' }));
    for (const body of [withPurify, without]) {
      expect(Array.from(body.querySelectorAll('[id]')).map((e) => e.id)).toEqual([
        'user-content-Title',
        'user-content-here',
      ]);
    }
  });
});
