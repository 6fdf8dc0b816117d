import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WoodstoxOracle, woodstoxAvailable } from '@/lib/testing/woodstox/woodstox-oracle';

import { htmlToStorage } from '../html-to-storage';
import { parseStorage } from '../parse';
import { createRandom } from '../testing/mutations';
import type { Diagnostic, StorageNode } from '../types';

/**
 * Hostile and messy HTML: DOMPurify's test payloads, the HTML5 Security Cheatsheet vectors,
 * Word and whole-document pastes, and seeded mutations of them all. Whatever comes in, the
 * output must be storage Confluence accepts (Woodstox says ok, the validator finds no error),
 * hold only allowlisted elements and attributes, and carry no script, handler or unsafe URL.
 */
const XSS_DIR = resolve(__dirname, '../../../../shared/corpus/xss');

async function dompurifyPayloads(): Promise<string[]> {
  const imported: unknown = await import(
    pathToFileURL(resolve(XSS_DIR, 'dompurify/expect.mjs')).href
  );
  const cases = (imported as { default: Array<{ payload: unknown }> }).default;
  return cases.map((entry) => entry.payload).filter((payload) => typeof payload === 'string');
}

function h5scVectors(): string[] {
  return readFileSync(resolve(XSS_DIR, 'h5sc/vectors.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('>>>'));
}

const MESSY_SAMPLES = [
  `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html><head><script>x()</script></head><body><table><tr><td>a<td><ul><li>b<p>c</table><b><i>misnested</b></i></body></html>`,
  `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml><o:DocumentProperties/></xml><![endif]--></head><body><p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Item<o:p></o:p></p></body></html>`,
  `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-abc"><h1 dir="ltr"><span style="font-size:20pt;font-weight:400">Title</span></h1><ul><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>One</span></p></li></ul></b>`,
  `<pre><code class="language-x">]]>]]]]><![CDATA[</code></pre><pre>a]]>b</pre><p>]]&gt;&#0;&#xD800;&#xFFFE;</p>`,
  `<ul><li><input type=checkbox checked> a <img src=x onerror=alert(1)></li><li><input type=checkbox> <a href="javascript:alert(1)">b</a></li></ul>`,
  `<p style="background:url(javascript:alert(1))">a<span style="color:red;behavior:url(x.htc)">b</span></p><a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">c</a>`,
];

const SNIPPETS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '</p>',
  '<p>',
  '<table>',
  '<td>',
  '<li>',
  '<pre>',
  ']]>',
  '<!--',
  '<![CDATA[',
  '\u0000',
  '<script>',
  '<b>',
  '</div>',
  '&nbsp',
  '<br/>',
  '<x:y>',
];

/** Seeded damage: truncation, insertion of a markup fragment, deletion of a slice, splices. */
function mutations(sources: readonly string[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: string[] = [];
  while (out.length < count) {
    const source = pick(sources);
    const at = Math.floor(random() * (source.length + 1));
    const kind = Math.floor(random() * 4);
    if (kind === 0) out.push(source.slice(0, at));
    else if (kind === 1) out.push(source.slice(0, at) + pick(SNIPPETS) + source.slice(at));
    else if (kind === 2)
      out.push(source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 20)));
    else out.push(source.slice(0, at) + pick(sources).slice(Math.floor(random() * 200)));
  }
  return out;
}

const SOUP = [
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<b>',
  '</b>',
  '<i>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '<th colspan=2>',
  '<ul>',
  '<ol start=5>',
  '<li>',
  '</li>',
  '<pre>',
  '<code class="language-js">',
  '</code>',
  '</pre>',
  '<a href="https://x.test/?a&b">',
  '<a href=javascript:alert(1)>',
  '</a>',
  '<img src=x.png alt="a&b">',
  '<br>',
  '<hr>',
  '<span style="color:red">',
  '</span>',
  '<input type=checkbox checked>',
  '<h2>',
  '</h2>',
  '<blockquote>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<svg>',
  '<o:p>',
  '&nbsp;',
  '&amp',
  '&#0;',
  ']]>',
  'text ',
  ' \n\t ',
  '"',
  "'",
  '<',
  '>',
  '\u0007',
  '\ud800',
  '<x:y z=1>',
  '<!DOCTYPE html>',
];

/** Random tag soup built from the fragments real and broken pastes are made of. */
function tagSoup(count: number, seed: number): string[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 5 + Math.floor(random() * 60) },
      () => SOUP[Math.floor(random() * SOUP.length)]!,
    ).join(''),
  );
}

const ALLOWED_ELEMENTS = new Set(
  'p h1 h2 h3 h4 h5 h6 strong em u s sub sup code pre blockquote ul ol li table colgroup col thead tbody tfoot tr th td a br hr span ac:image ri:url ri:attachment ac:structured-macro ac:parameter ac:plain-text-body ac:task-list ac:task ac:task-id ac:task-status ac:task-body'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(
  'style start colspan rowspan span href ac:alt ac:width ac:height ri:value ri:filename ac:name ac:schema-version'.split(
    ' ',
  ),
);

/** Everything wrong with an output from the security and allowlist point of view. */
function problems(storage: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(storage)) found.push('<script');
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)[^;\s]*;?/i.exec(storage);
  if (entity) found.push(`entity ${entity[0]}`);
  const visit = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type === 'comment' || node.type === 'processing-instruction') found.push(node.type);
      if (node.type !== 'element') continue;
      if (!ALLOWED_ELEMENTS.has(node.name)) found.push(`element ${node.name}`);
      for (const { name, value } of node.attributes) {
        if (!ALLOWED_ATTRIBUTES.has(name) || /^on/i.test(name)) found.push(`attribute ${name}`);
        const squeezed = value.replace(/[\u0000-\u0020]+/g, '');
        if (/^(?:javascript|vbscript|data):/i.test(squeezed)) found.push(`url ${value}`);
        if (name === 'style' && /url\(|expression|behavior|javascript/i.test(value)) {
          found.push(`style ${value}`);
        }
      }
      visit(node.children);
    }
  };
  visit(parseStorage(storage).document.children);
  return found;
}

const available = woodstoxAvailable();
if (!available && process.env.CI) {
  throw new Error(
    'CI must run the Woodstox checks: install default-jdk-headless and libwoodstox-java',
  );
}

describe('htmlToStorage on hostile and messy HTML', () => {
  let inputs: Array<{ name: string; html: string }> = [];
  let oracle: WoodstoxOracle | null = null;
  let validate: (storage: string) => Diagnostic[] = (storage) => parseStorage(storage).diagnostics;

  beforeAll(async () => {
    const dompurify = await dompurifyPayloads();
    const h5sc = h5scVectors();
    const sources = [...dompurify, ...h5sc, ...MESSY_SAMPLES];
    inputs = [
      ...dompurify.map((html, i) => ({ name: `dompurify #${i}`, html })),
      ...h5sc.map((html, i) => ({ name: `h5sc line ${i}`, html })),
      ...MESSY_SAMPLES.map((html, i) => ({ name: `messy #${i}`, html })),
      ...mutations(sources, 400, 20_240_601).map((html, i) => ({ name: `mutation #${i}`, html })),
      ...tagSoup(300, 7).map((html, i) => ({ name: `tag soup #${i}`, html })),
    ];
    if (available) oracle = WoodstoxOracle.start();
    // validate.ts depends on modules still landing in parallel; until it loads, its errors are
    // exactly the parser's diagnostics, which is what the fallback above checks.
    try {
      validate = (await import('../validate')).validateStorage;
    } catch (error) {
      if (!/Cannot find module|Failed to (load|resolve)/i.test(String(error))) throw error;
    }
  });
  afterAll(() => oracle?.stop());

  it('loads the corpora', () => {
    expect(inputs.length).toBeGreaterThan(223 + 274 + 400 + 300);
  });

  it('never emits scripts, handlers, unsafe URLs, HTML entities or unlisted markup', () => {
    const failures = inputs
      .map(({ name, html }) => ({ name, found: problems(htmlToStorage(html)) }))
      .filter(({ found }) => found.length > 0);
    expect(failures).toEqual([]);
  });

  it('always validates without errors', () => {
    const failures = inputs
      .map(({ name, html }) => ({
        name,
        errors: validate(htmlToStorage(html)).filter((d) => d.severity === 'error'),
      }))
      .filter(({ errors }) => errors.length > 0);
    expect(failures).toEqual([]);
  });

  it.skipIf(!available)(
    'is always accepted by Woodstox, as Confluence would',
    async () => {
      const failures: string[] = [];
      for (const { name, html } of inputs) {
        const verdict = await oracle!.check(htmlToStorage(html));
        if (!verdict.ok)
          failures.push(`${name}: ${verdict.message} at ${verdict.line}:${verdict.column}`);
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
