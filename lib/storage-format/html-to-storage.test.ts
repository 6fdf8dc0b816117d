import { describe, expect, it } from 'vitest';

import { htmlToStorage, looksLikeHtml } from './html-to-storage';
import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import type { StorageNode } from './types';

type Case = [name: string, html: string, storage: string];

const documents: Case[] = [
  [
    'whole document: doctype, head, scripts and styles dropped, body kept',
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title><link rel="stylesheet" href="x.css"><style>p{color:red}</style><base href="http://evil/"></head><body onload="x()"><p>Hi</p><script>alert(1)</script></body></html>',
    '<p>Hi</p>',
  ],
  [
    'comments and Word conditional comments',
    '<p>a<!-- c -->b<!--[if gte mso 9]><xml><w:x/></xml><![endif]--></p>',
    '<p>ab</p>',
  ],
  [
    'template, noscript, iframe, object, embed, form controls',
    '<p>a<template><b>t</b></template><noscript>n</noscript><iframe src="x">i</iframe><object data="x">o</object><embed src="x"><input value="v"><button>b</button><select><option>o</option></select><textarea>t</textarea>z</p>',
    '<p>az</p>',
  ],
  [
    'svg and math dropped',
    '<p>a<svg><text>s</text></svg><math><mi>x</mi></math>b</p>',
    '<p>ab</p>',
  ],
];

const inline: Case[] = [
  ['bare text wrapped in a paragraph', 'Just text', '<p>Just text</p>'],
  ['b and i become strong and em', '<b>B</b> <i>I</i>', '<p><strong>B</strong> <em>I</em></p>'],
  [
    'strong, em, u, sub, sup, code kept',
    '<p><strong>a</strong><em>b</em><u>c</u><sub>d</sub><sup>e</sup><code>f</code></p>',
    '<p><strong>a</strong><em>b</em><u>c</u><sub>d</sub><sup>e</sup><code>f</code></p>',
  ],
  [
    's, del and strike become s',
    '<p><s>a</s><del>b</del><strike>c</strike></p>',
    '<p><s>a</s><s>b</s><s>c</s></p>',
  ],
  [
    'kbd, tt, samp become code; cite becomes em',
    '<p><kbd>a</kbd><tt>b</tt><samp>c</samp><cite>d</cite></p>',
    '<p><code>a</code><code>b</code><code>c</code><em>d</em></p>',
  ],
  ['br self-closed', '<p>a<br>b</p>', '<p>a<br/>b</p>'],
  ['hr self-closed between paragraphs', '<p>a</p><hr><p>b</p>', '<p>a</p>\n<hr/>\n<p>b</p>'],
  [
    'span with safe colours kept',
    '<span style="color: #ff0000; background-color: rgb(1, 2, 3); font-family: Arial">x</span>',
    '<p><span style="color: #ff0000; background-color: rgb(1, 2, 3);">x</span></p>',
  ],
  [
    'span without useful style unwrapped',
    '<p><span class="x" style="font-size: 12pt; mso-bidi-font-family: Calibri">x</span></p>',
    '<p>x</p>',
  ],
  [
    'css injection in colour refused',
    '<span style="color: expression(alert(1)); background-color: url(javascript:x)">x</span>',
    '<p>x</p>',
  ],
  [
    'page-default black and white dropped',
    '<span style="color:#000000;background-color:transparent">x</span><span style="background-color: #FFFFFF">y</span>',
    '<p>xy</p>',
  ],
  [
    'Google Docs span weights and styles',
    '<span style="font-weight:700">b</span><span style="font-style:italic">i</span><span style="text-decoration:underline">u</span><span style="text-decoration:line-through">s</span><span style="vertical-align:super">p</span>',
    '<p><strong>b</strong><em>i</em><u>u</u><s>s</s><sup>p</sup></p>',
  ],
  [
    'font colour',
    '<font color="#00f" face="Arial">x</font>',
    '<p><span style="color: #00f;">x</span></p>',
  ],
  [
    'unknown and custom elements unwrapped',
    '<p><x-widget>a</x-widget><st1:city>b</st1:city></p>',
    '<p>ab</p>',
  ],
];

const escaping: Case[] = [
  ['text escaped', '<p>a &amp; b &lt;c&gt; "d" \'e\'</p>', '<p>a &amp; b &lt;c&gt; "d" \'e\'</p>'],
  [
    'no HTML named entities: nbsp as &#160;, others as characters',
    '<p>a&nbsp;b &mdash; &auml;&copy;</p>',
    '<p>a&#160;b \u2014 \u00e4\u00a9</p>',
  ],
  [']]> in text cannot end a CDATA', '<p>x ]]> y</p>', '<p>x ]]&gt; y</p>'],
  [
    'control characters XML forbids dropped',
    '<p>a\u0001b\u000bc\ufffed&#0;e</p>',
    '<p>abcd\ufffde</p>',
  ],
  [
    'attribute values escaped',
    '<a href="https://x.test/?a=1&b=<2>&quot;">l</a>',
    '<p><a href="https://x.test/?a=1&amp;b=&lt;2&gt;&quot;">l</a></p>',
  ],
];

const links: Case[] = [
  [
    'http link kept',
    '<a href="http://a.test/x" onclick="e()" target="_blank" title="t">l</a>',
    '<p><a href="http://a.test/x">l</a></p>',
  ],
  [
    'mailto, relative and anchor links kept',
    '<a href="mailto:a@b.c">m</a><a href="../p?q=1">r</a><a href="#top">t</a>',
    '<p><a href="mailto:a@b.c">m</a><a href="../p?q=1">r</a><a href="#top">t</a></p>',
  ],
  ['javascript: link unwrapped', '<a href="javascript:alert(1)">x</a>', '<p>x</p>'],
  [
    'obfuscated javascript: link unwrapped',
    '<a href=" jav&#x09;ascript&colon;alert(1)">x</a><a href="JaVaScRiPt:x">y</a>',
    '<p>xy</p>',
  ],
  [
    'vbscript: and data: links unwrapped',
    '<a href="vbscript:x">a</a><a href="data:text/html,x">b</a>',
    '<p>ab</p>',
  ],
  [
    'nested links keep only the outer one',
    '<a href="https://o.test">a<a href="https://i.test">b</a></a>',
    '<p><a href="https://o.test">ab</a></p>',
  ],
];

const images: Case[] = [
  [
    'http image to ac:image with ri:url',
    '<img src="https://e.test/a.png?x=1&y=2" alt="An image" width="120" onerror="x()">',
    '<p><ac:image ac:alt="An image" ac:width="120"><ri:url ri:value="https://e.test/a.png?x=1&amp;y=2"/></ac:image></p>',
  ],
  [
    'protocol-relative image becomes https',
    '<img src="//e.test/a.png">',
    '<p><ac:image><ri:url ri:value="https://e.test/a.png"/></ac:image></p>',
  ],
  [
    'relative image to an attachment by file name',
    '<img src="/download/attachments/12/my%20file.png?version=1&amp;api=v2">',
    '<p><ac:image><ri:attachment ri:filename="my file.png"/></ac:image></p>',
  ],
  [
    'data, javascript and file images dropped',
    '<p>a<img src="data:image/png;base64,AAA"><img src="javascript:x"><img src="file:///C:/clip.png">b</p>',
    '<p>ab</p>',
  ],
];

const blocks: Case[] = [
  [
    'headings kept, alignment kept',
    '<h1>A</h1><h6 style="text-align:center">B</h6><p align="right">C</p>',
    '<h1>A</h1>\n<h6 style="text-align: center;">B</h6>\n<p style="text-align: right;">C</p>',
  ],
  ['div to paragraph', '<div>a</div><div>b</div>', '<p>a</p>\n<p>b</p>'],
  [
    'div holding blocks is unwrapped',
    '<div><h2>t</h2>text<div>inner</div></div>',
    '<h2>t</h2>\n<p>text</p>\n<p>inner</p>',
  ],
  ['no p inside p', '<p>a<p>b</p>c</p>', '<p>a</p>\n<p>b</p>\n<p>c</p>'],
  [
    'formatting around blocks moves into them',
    '<b><p>x</p><table><tr><td>y</td></tr></table></b>',
    '<p><strong>x</strong></p>\n<table><tbody><tr><td>y</td></tr></tbody></table>',
  ],
  [
    'Google Docs wrapper unwrapped',
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span>a</span></p><br><p dir="ltr"><span>b</span></p></b>',
    '<p>a</p>\n<p>b</p>',
  ],
  [
    'blockquote holds paragraphs',
    '<blockquote>q <b>b</b><p>p</p></blockquote>',
    '<blockquote><p>q <strong>b</strong></p><p>p</p></blockquote>',
  ],
  ['empty paragraphs dropped', '<p> </p><p><br></p><p>x</p><p><span> </span></p>', '<p>x</p>'],
];

const lists: Case[] = [
  [
    'lists kept, implied li closes',
    '<ul><li>a<li>b</ul><ol start="3"><li>c</ol>',
    '<ul><li>a</li><li>b</li></ul>\n<ol start="3"><li>c</li></ol>',
  ],
  [
    'nested list inside li stays inline with its text',
    '<ul><li>a<ul><li>b</li></ul></li></ul>',
    '<ul><li>a<ul><li>b</li></ul></li></ul>',
  ],
  [
    'nested list directly in list joins previous item',
    '<ul><li>a</li><ul><li>b</li></ul></ul>',
    '<ul><li>a<ul><li>b</li></ul></li></ul>',
  ],
  [
    'stray text in a list becomes an item',
    '<ul>x<li>a</li> <b>y</b> </ul>',
    '<ul><li>x</li><li>a</li><li><strong>y</strong></li></ul>',
  ],
  [
    'li with a paragraph and text',
    '<ol><li><p>a</p>b</li></ol>',
    '<ol><li><p>a</p><p>b</p></li></ol>',
  ],
  ['bad start dropped', '<ol start="x"><li>a</li></ol>', '<ol><li>a</li></ol>'],
  [
    'GitHub task list to ac:task-list',
    '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" checked disabled> done</li>\n<li class="task-list-item"><input type="checkbox" disabled> <b>todo</b></li></ul>',
    '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body><strong>todo</strong></ac:task-body></ac:task></ac:task-list>',
  ],
  [
    'task list with blocks falls back to text',
    '<ul><li><input type="checkbox" checked> a<ul><li>b</li></ul></li><li><input type="checkbox"> c</li></ul>',
    '<ul><li>\u2611 a<ul><li>b</li></ul></li><li>\u2610 c</li></ul>',
  ],
  [
    'mixed list falls back to text',
    '<ul><li><input type="checkbox"> a</li><li>b</li></ul>',
    '<ul><li>\u2610 a</li><li>b</li></ul>',
  ],
];

const tables: Case[] = [
  [
    'missing tbody added, spans kept',
    '<table border=1><tr><th colspan="2" style="x">h</th></tr><tr><td rowspan=2 width=3>a</td><td colspan="1">b</td></tr></table>',
    '<table><tbody><tr><th colspan="2">h</th></tr><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>',
  ],
  [
    'thead, tbody, tfoot and colgroup',
    '<table><colgroup><col style="width: 120px"><col span="2"></colgroup><thead><tr><th>h</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    '<table><colgroup><col style="width: 120px;"/><col span="2"/></colgroup><thead><tr><th>h</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
  ],
  [
    'head rows alone go into tbody',
    '<table><thead><tr><th>h</th></tr></thead></table>',
    '<table><tbody><tr><th>h</th></tr></tbody></table>',
  ],
  [
    'caption and stray content fostered before the table',
    '<table><caption>Cap</caption>stray<tr><td>a</td></tr></table>',
    '<p>Cap</p>\n<p>stray</p>\n<table><tbody><tr><td>a</td></tr></tbody></table>',
  ],
  [
    'cells with blocks wrap their inline runs',
    '<table><tr><td>a<ul><li>b</li></ul></td><td></td></tr></table>',
    '<table><tbody><tr><td><p>a</p><ul><li>b</li></ul></td><td></td></tr></tbody></table>',
  ],
  [
    'table without cells leaves its text only',
    '<table><tr></tr></table><table>t</table>',
    '<p>t</p>',
  ],
  [
    'Confluence view HTML table',
    '<div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh">H</th></tr><tr><td class="confluenceTd"><p>c</p></td></tr></tbody></table></div>',
    '<table><tbody><tr><th>H</th></tr><tr><td><p>c</p></td></tr></tbody></table>',
  ],
];

const code: Case[] = [
  [
    'blank pre and code blocks dropped',
    '<pre> \n </pre><pre><code>\n</code></pre><p>x</p>',
    '<p>x</p>',
  ],
  ['pre text kept exactly', '<pre>\n  a  &lt;b&gt;\n\tc</pre>', '<pre>  a  &lt;b&gt;\n\tc</pre>'],
  [
    'pre highlighting spans dropped, text kept',
    '<pre><span class="k">if</span>  x<br>y</pre>',
    '<pre>if  x\ny</pre>',
  ],
  [
    'pre code with language to code macro, ]]> split',
    '<pre><code class="language-js">a ]]> b &amp;\n</code></pre>',
    '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[a ]]]]><![CDATA[> b &]]></ac:plain-text-body></ac:structured-macro>',
  ],
  [
    'pre code without language',
    '<pre><code>x</code></pre>',
    '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>',
  ],
  [
    'Confluence view code block language',
    '<pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="brush: java; gutter: false">int x;</pre>',
    '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">java</ac:parameter><ac:plain-text-body><![CDATA[int x;]]></ac:plain-text-body></ac:structured-macro>',
  ],
  [
    'hostile language class ignored',
    '<pre><code class="language-&quot;><script>">x</code></pre>',
    '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>',
  ],
];

const whitespace: Case[] = [
  ['runs collapse, ends trimmed', '<p>\n  a \n\t b  </p>', '<p>a b</p>'],
  [
    'spaces collapse across element boundaries',
    '<p>a <b> b </b> c</p>',
    '<p>a <strong>b </strong>c</p>',
  ],
  ['space around line breaks dropped', '<p>a <br> b</p>', '<p>a<br/>b</p>'],
  [
    'space next to an image kept',
    '<p>a <img src="https://e.test/i.png"> b</p>',
    '<p>a <ac:image><ri:url ri:value="https://e.test/i.png"/></ac:image> b</p>',
  ],
  ['whitespace between blocks dropped', '\n<p>a</p>\n \n<p>b</p>\n', '<p>a</p>\n<p>b</p>'],
];

describe('htmlToStorage', () => {
  const groups = {
    documents,
    inline,
    escaping,
    links,
    images,
    blocks,
    lists,
    tables,
    code,
    whitespace,
  };
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases)('%s', (_name, html, storage) => {
        expect(htmlToStorage(html)).toBe(storage);
      });
    });
  }

  it('converts a Word document', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--><style><!-- p.MsoNormal {mso-style-parent:""} --></style></head>
<body lang=EN-US style='tab-interval:.5in'><div class=WordSection1>
<p class=MsoTitle>Report<o:p></o:p></p>
<p class=MsoNormal style='mso-margin-top-alt:auto'><b><span style='font-size:12.0pt;mso-fareast-font-family:"Times New Roman"'>Bold</span></b> and
<i>italic</i> text<o:p>&nbsp;</o:p></p>
<p class=MsoNormal><v:shape id="i1" style='width:10pt'><v:imagedata src="file:///C:/clip_image001.png" o:title=""/></v:shape><o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 style='mso-yfti-tbllook:1184'><tr style='mso-yfti-irow:0'><td width=100 valign=top><p class=MsoNormal>Cell<o:p></o:p></p></td></tr></table>
</div></body></html>`;
    expect(htmlToStorage(word)).toBe(
      '<p>Report</p>\n<p><strong>Bold</strong> and <em>italic</em> text</p>\n<table><tbody><tr><td><p>Cell</p></td></tr></tbody></table>',
    );
  });

  it('flattens absurdly deep nesting instead of overflowing the stack', () => {
    for (const open of ['<div>', '<b>', '<ul><li>', '<table><tr><td>']) {
      const storage = htmlToStorage(`${open.repeat(5000)}deep<br>text`);
      expect(parseStorage(storage).diagnostics).toEqual([]);
      expect(storage).toContain('deep<br/>text');
    }
  });

  it('returns an empty body for empty or script-only input', () => {
    expect(htmlToStorage('')).toBe('');
    expect(htmlToStorage('<script>alert(1)</script><style>x</style>')).toBe('');
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><p>x</p>', true],
    ['<meta charset="utf-8"><b>x</b>', true],
    ['text <strong>bold</strong>', true],
    ['<table>\n<tr><td>1</td></tr></table>', true],
    ['a < b && c > d', false],
    ['List<String> items = new ArrayList<>();', false],
    ['plain text', false],
    ['<ac:structured-macro ac:name="toc"/>', false],
    ['<p>storage <ac:link><ri:page ri:content-title="x"/></ac:link></p>', false],
  ])('%j → %s', (input, expected) => {
    expect(looksLikeHtml(input)).toBe(expected);
  });
});

/** Visible text nodes of a storage body, outside macro parameters and task bookkeeping. */
function visibleTexts(nodes: readonly StorageNode[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'text') into.push(node.value);
    else if (node.type === 'element' && !HIDDEN.has(node.name) && node.prefix !== 'ri') {
      visibleTexts(node.children, into);
    }
  }
  return into;
}

const HIDDEN = new Set(['ac:parameter', 'ac:task-id', 'ac:task-status']);

/** Whitespace differs by design (collapsing), so compare texts with all of it removed. */
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, '');

describe('htmlToStorage over the valid storage corpus (XHTML in, storage out)', () => {
  it.each(readCorpus('valid').map(({ name, body }) => [name, body] as const))(
    '%s keeps its visible text in order',
    (_name, body) => {
      const expected = visibleTexts(parseStorage(body).document.children).map(squeeze);
      const output = parseStorage(htmlToStorage(body));
      expect(output.diagnostics).toEqual([]);
      const actual = squeeze(visibleTexts(output.document.children).join(''));
      // In order; macro parameters the input hid may now show as text, but nothing may be lost.
      let next = 0;
      const missing = expected.filter((segment) => {
        const found = actual.indexOf(segment, next);
        if (found < 0) return true;
        next = found + segment.length;
        return false;
      });
      expect(missing).toEqual([]);
    },
  );
});
