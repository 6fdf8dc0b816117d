import { describe, expect, it } from 'vitest';

import { htmlToStorage } from '../html-to-storage';
import { parseStorage } from '../parse';
import { type ConversionCase, describeConversions } from '../testing/html-conversion-cases';

/** Pasted HTML to storage: blocks, lists, tables, code and whitespace; Word, deep and empty input. */
const blocks: ConversionCase[] = [
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

const lists: ConversionCase[] = [
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

const tables: ConversionCase[] = [
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

const code: ConversionCase[] = [
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

const whitespace: ConversionCase[] = [
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
  describeConversions({ blocks, lists, tables, code, whitespace });

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
