import { MACRO_CATALOGUE, type MacroParameterSpec } from '@/lib/storage-format/macro-catalogue';

import { SEED_USERS } from './users';

/** Storage-format bodies of the seeded pages (every one must pass Woodstox; a test checks). */

const alex = SEED_USERS[1]!;

export const DEMO_HOME_BODY =
  '<p>Welcome to the <strong>Demo space</strong>. These pages live in the Pagewright Confluence emulator.</p>' +
  '<ac:structured-macro ac:name="children" ac:schema-version="2"><ac:parameter ac:name="all">true</ac:parameter></ac:structured-macro>';

export const SANDBOX_BODY = [
  '<h1>Sandbox</h1>',
  '<p>Edit this page freely. It has a table and a few macros to play with.</p>',
  '<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:parameter ac:name="title">Try it</ac:parameter>',
  '<ac:rich-text-body><p>Change a cell, break a tag, then save and watch what Confluence would say.</p></ac:rich-text-body></ac:structured-macro>',
  '<table><colgroup><col /><col /><col /></colgroup><tbody>',
  '<tr><th>Component</th><th>Owner</th><th>Status</th></tr>',
  '<tr><td>Editor</td><td>Alex</td><td><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">Done</ac:parameter></ac:structured-macro></td></tr>',
  '<tr><td>Preview</td><td>Robin</td><td><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Yellow</ac:parameter><ac:parameter ac:name="title">In progress</ac:parameter></ac:structured-macro></td></tr>',
  '<tr><td>Save &amp; conflicts</td><td>Demo</td><td><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Blocked</ac:parameter></ac:structured-macro></td></tr>',
  '</tbody></table>',
  '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">python</ac:parameter><ac:parameter ac:name="title">hello.py</ac:parameter>',
  '<ac:plain-text-body><![CDATA[def greet(name):\n    return f"Hello, {name} & welcome"\n]]></ac:plain-text-body></ac:structured-macro>',
  '<p>Line one<br />line two &mdash; with an entity&nbsp;or two.</p>',
].join('\n');

const macro = (name: string, params: Record<string, string>, inner = ''): string =>
  `<ac:structured-macro ac:name="${name}" ac:schema-version="1">` +
  Object.entries(params)
    .map(([key, value]) => `<ac:parameter ac:name="${key}">${value}</ac:parameter>`)
    .join('') +
  inner +
  '</ac:structured-macro>';

const rich = (xhtml: string): string => `<ac:rich-text-body>${xhtml}</ac:rich-text-body>`;
const plain = (text: string): string =>
  `<ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body>`;

export const MACRO_SHOWCASE_BODY = [
  '<h1>Macro showcase</h1>',
  macro('toc', { maxLevel: '2', type: 'list' }),
  '<h2>Admonitions</h2>',
  macro('info', { title: 'Info' }, rich('<p>An <em>info</em> panel.</p>')),
  macro('tip', { title: 'Tip' }, rich('<p>A tip panel.</p>')),
  macro('note', { title: 'Note' }, rich('<p>A note panel.</p>')),
  macro(
    'warning',
    { title: 'Warning', icon: 'false' },
    rich('<p>A warning panel without icon.</p>'),
  ),
  macro(
    'panel',
    { title: 'Custom panel', borderStyle: 'dashed', borderColor: '#0052cc', bgColor: '#deebff' },
    rich('<p>Panel body.</p>'),
  ),
  '<h2>Code</h2>',
  macro(
    'code',
    { language: 'java', title: 'Main.java', linenumbers: 'true' },
    plain('class Main {\n  public static void main(String[] a) { System.out.println("<hi>"); }\n}'),
  ),
  macro('noformat', { nopanel: 'false' }, plain('  preformatted   text <kept> as is')),
  '<h2>Structure</h2>',
  macro('expand', { title: 'Click to see more' }, rich('<p>Hidden until expanded.</p>')),
  macro('excerpt', { hidden: 'false' }, rich('<p>This paragraph is the page excerpt.</p>')),
  macro('excerpt-include', { '': '' }, '').replace(
    '<ac:parameter ac:name=""></ac:parameter>',
    '<ac:parameter ac:name=""><ac:link><ri:page ri:content-title="Sandbox" /></ac:link></ac:parameter>',
  ),
  // Inline macros sit in a paragraph, as Confluence's editor stores them.
  `<p>${macro('anchor', { '': 'showcase-anchor' })}</p>`,
  `<p><ac:link ac:anchor="showcase-anchor"><ac:plain-text-link-body><![CDATA[Jump to the anchor]]></ac:plain-text-link-body></ac:link></p>`,
  macro(
    'details',
    { label: 'showcase' },
    rich(
      '<table><tbody><tr><th>Owner</th><td>Demo User</td></tr><tr><th>Due</th><td><time datetime="2026-03-01" /></td></tr></tbody></table>',
    ),
  ),
  macro('children', { depth: '2', sort: 'title' }),
  '<h2>Status and Jira</h2>',
  `<p>${['Grey', 'Red', 'Yellow', 'Green', 'Blue', 'Purple'].map((colour) => macro('status', { colour, title: colour.toLowerCase() })).join(' ')} ${macro('status', { colour: 'Blue', title: 'subtle', subtle: 'true' })}</p>`,
  `<p>${macro('jira', { server: 'Demo Jira', serverId: '00000000-0000-0000-0000-000000000001', key: 'DEMO-42' })}</p>`,
  `<p>${macro('jira', {
    server: 'Demo Jira',
    jqlQuery: 'project = DEMO AND status = Open',
    columns: 'key,summary,status',
    maximumIssues: '20',
  })}</p>`,
  '<h2>Tasks</h2>',
  '<ac:task-list>',
  '<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Write the storage format</ac:task-body></ac:task>',
  `<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review with <ac:link><ri:user ri:account-id="${alex.accountId}" /></ac:link> by <time datetime="2026-02-14" /></ac:task-body></ac:task>`,
  '</ac:task-list>',
  '<h2>Layout</h2>',
  '<ac:layout><ac:layout-section ac:type="two_equal">',
  '<ac:layout-cell><p>Left column <ac:emoticon ac:name="smile" /> <ac:emoticon ac:name="thumbs-up" /></p></ac:layout-cell>',
  '<ac:layout-cell><p>Right column <ac:emoticon ac:name="warning" /> <ac:emoticon ac:name="blue-star" ac:emoji-shortname=":star:" ac:emoji-fallback="\u2b50" /></p></ac:layout-cell>',
  '</ac:layout-section><ac:layout-section ac:type="single"><ac:layout-cell><p>A full-width row.</p></ac:layout-cell></ac:layout-section></ac:layout>',
  '<h2>Links and mentions</h2>',
  `<p>Mention: <ac:link><ri:user ri:account-id="${alex.accountId}" /></ac:link>, DC style: <ac:link><ri:user ri:userkey="${alex.key}" /></ac:link>.</p>`,
  '<p>Page link: <ac:link><ri:page ri:content-title="Sandbox" /><ac:plain-text-link-body><![CDATA[the sandbox]]></ac:plain-text-link-body></ac:link>; ' +
    'other space: <ac:link><ri:page ri:space-key="TEAM" ri:content-title="Team Home" /></ac:link>; ' +
    'external: <a href="https://example.com/?a=1&amp;b=2">example.com</a>; ' +
    'attachment: <ac:link><ri:attachment ri:filename="notes.txt"><ri:page ri:content-title="Page with attachments" /></ri:attachment></ac:link>.</p>',
  '<h2>Images</h2>',
  '<p><ac:image ac:width="64" ac:alt="Gradient"><ri:attachment ri:filename="gradient.png"><ri:page ri:content-title="Page with attachments" /></ri:attachment></ac:image>' +
    '<ac:image><ri:url ri:value="https://example.com/logo.png" /></ac:image></p>',
  '<p>Unknown macro: ' + macro('no-such-macro', { x: '1' }) + '</p>',
  '<h2>Every macro in the catalogue</h2>',
  ...catalogueSection(),
].join('\n');

/** A value Confluence would take for a required parameter: its default, its first allowed value, or an example. */
function exampleValue(parameter: MacroParameterSpec): string {
  if (parameter.default !== undefined) return parameter.default;
  if (parameter.values?.[0] !== undefined) return parameter.values[0];
  switch (parameter.type) {
    case 'boolean':
      return 'false';
    case 'number':
      return '1';
    case 'page':
      return 'Sandbox';
    case 'space':
      return 'DEMO';
    case 'date':
      return '2026-01-01';
    case 'url':
      return 'https://example.com/';
    default:
      return 'example';
  }
}

/**
 * One instance of every macro the engine's catalogue knows (seeded so the preview, completion
 * and warnings can be tried on each), with its required parameters and the right kind of body.
 */
function catalogueSection(): string[] {
  return MACRO_CATALOGUE.map((spec) => {
    const params = Object.fromEntries(
      spec.parameters
        .filter((parameter) => parameter.required)
        .map((parameter) => [parameter.name, exampleValue(parameter)]),
    );
    const inner =
      spec.body === 'rich'
        ? rich(`<p>Body of the ${spec.title} macro.</p>`)
        : spec.body === 'plain'
          ? plain(`Plain body of ${spec.name}`)
          : '';
    const element = macro(spec.name, params, inner);
    return spec.inline ? `<p>${spec.title}: ${element}</p>` : element;
  });
}

export const ATTACHMENTS_BODY = [
  '<p>This page holds a PNG, an SVG and a text file.</p>',
  '<p><ac:image ac:width="120"><ri:attachment ri:filename="gradient.png" /></ac:image></p>',
  '<p><ac:image><ri:attachment ri:filename="diagram.svg" /></ac:image></p>',
  '<p><ac:image><ri:attachment ri:filename="missing.png" /></ac:image> (an attachment that does not exist)</p>',
  '<p><ac:link><ri:attachment ri:filename="notes.txt" /><ac:plain-text-link-body><![CDATA[Read the notes]]></ac:plain-text-link-body></ac:link></p>',
].join('\n');

/** Bodies for short pages: a heading and a paragraph. */
export function simpleBody(title: string, text: string): string {
  return `<h2>${title}</h2>\n<p>${text}</p>`;
}

/**
 * A ~200 KB body of big tables, generated at seed time (deterministic: same bytes every run)
 * so 200 KB of fixture need not be committed.
 */
export function largeTablesBody(targetBytes = 200_000): string {
  const parts = ['<h1>Large page</h1>', '<p>Generated tables for performance checks.</p>'];
  // Counted as stored, on one line: without the line breaks written here.
  let size = parts.join('').length;
  for (let section = 1; size < targetBytes; section += 1) {
    const rows = [
      `<h2>Section ${section}</h2>`,
      '<table><tbody><tr><th>#</th><th>Key</th><th>Summary</th><th>Owner</th><th>Estimate</th><th>Notes</th></tr>',
    ];
    for (let row = 1; row <= 40; row += 1) {
      const n = section * 1000 + row;
      rows.push(
        `<tr><td>${n}</td><td>DEMO-${n}</td><td>Item ${n} &ndash; check &amp; verify</td>` +
          `<td>${['Demo', 'Alex', 'Robin'][n % 3]}</td><td>${(n * 7) % 13}h</td><td><p>Row ${row}<br />of section ${section}</p></td></tr>`,
      );
    }
    rows.push('</tbody></table>');
    const chunkText = rows.join('\n');
    parts.push(chunkText);
    size += rows.join('').length;
  }
  return parts.join('\n');
}

/**
 * A large body stored the way Confluence stores it, on one line (only CDATA has newlines):
 * sections of tables with status macros, panels, code and expands, generated deterministically
 * up to `targetBytes` (UTF-8).
 */
export function largeMixedOneLineBody(targetBytes = 330_000): string {
  const parts = [
    '<h1>Large one-line page</h1>',
    '<p>Generated sections of tables and macros, stored on one line as Confluence stores them.</p>',
    macro('toc', { maxLevel: '2' }),
  ];
  const colours = ['Green', 'Yellow', 'Red', 'Blue', 'Grey'];
  const owners = ['Demo', 'Alex', 'Robin'];
  let size = Buffer.byteLength(parts.join(''));
  for (let section = 1; size < targetBytes; section += 1) {
    const rows: string[] = [];
    for (let row = 1; row <= 30; row += 1) {
      const n = section * 1000 + row;
      const colour = colours[n % colours.length]!;
      rows.push(
        `<tr><td>${n}</td><td>DEMO-${n}</td><td>Item ${n} &ndash; check &amp; verify</td>` +
          `<td>${owners[n % owners.length]}</td>` +
          `<td>${macro('status', { colour, title: colour.toLowerCase() })}</td>` +
          `<td><p>Row ${row}<br />of section ${section}</p></td></tr>`,
      );
    }
    const chunk = [
      `<h2>Section ${section}</h2>`,
      macro(
        section % 2 === 0 ? 'info' : 'note',
        { title: `About section ${section}` },
        rich(`<p>Thirty rows, with <strong>status</strong> macros in every row.</p>`),
      ),
      '<table><tbody><tr><th>#</th><th>Key</th><th>Summary</th><th>Owner</th><th>Status</th><th>Notes</th></tr>',
      ...rows,
      '</tbody></table>',
      macro(
        'code',
        { language: 'python', title: `section_${section}.py` },
        plain(`def section_${section}():\n    return [row for row in range(30)]\n`),
      ),
      macro(
        'expand',
        { title: `More about section ${section}` },
        rich(`<ul><li>First point of ${section}</li><li>Second point of ${section}</li></ul>`),
      ),
    ].join('');
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}
