import { describe } from 'vitest';

import { type ConversionCase, describeConversions } from '../testing/html-conversion-cases';

/** Pasted HTML to storage: whole documents cleaned, inline formatting, escaping, links, images. */
const documents: ConversionCase[] = [
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

const inline: ConversionCase[] = [
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

const escaping: ConversionCase[] = [
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

const links: ConversionCase[] = [
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

const images: ConversionCase[] = [
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

describe('htmlToStorage', () => {
  describeConversions({ documents, inline, escaping, links, images });
});
