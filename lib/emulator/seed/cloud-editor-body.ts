import { SEED_USERS } from './users';

/**
 * A page as Confluence Cloud's editor stores it: one line, `local-id` on every block, tables
 * with `data-layout` / `data-table-width`, macros with `ac:local-id` and `ac:macro-id`, inline
 * and block cards, `ri:version-at-save` on page links, and `ac:adf-extension` for what storage
 * cannot express (custom panels, decisions) with the `ac:adf-fallback` older renderers show.
 * Modelled on the Cloud-era bodies of the storage corpus (docs/confluence-api.md §11).
 */

const alex = SEED_USERS[1]!;

/** Deterministic stand-ins for the random ids the editor writes: 12 hex digits for blocks… */
const blockId = (n: number): string => (0x5eed00000000 + n * 0x9e3779b1).toString(16).slice(-12);
/** …and UUIDs for tables, macros and ADF nodes. */
const uuid = (n: number): string => {
  const hex = (0x5eed0000 + n * 0x2545f491).toString(16).padStart(8, '0').slice(-8);
  return `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${hex}${hex.slice(0, 4)}`;
};
/** Confluence's macro ids are 64 hex digits (a SHA-256) on current Cloud pages. */
const macroId = (n: number): string => uuid(n).replace(/-/g, '').repeat(2).slice(0, 64);

let next = 0;
const p = (inner: string): string => `<p local-id="${blockId((next += 1))}">${inner}</p>`;
const heading = (level: number, text: string): string =>
  `<h${level} local-id="${blockId((next += 1))}">${text}</h${level}>`;

function macro(name: string, params: Record<string, string>, inner = '', block = true): string {
  const n = (next += 1);
  const layout = block ? ' data-layout="default"' : '';
  return (
    `<ac:structured-macro ac:name="${name}" ac:schema-version="1"${layout} ac:local-id="${uuid(n)}" ac:macro-id="${macroId(n)}">` +
    Object.entries(params)
      .map(([key, value]) => `<ac:parameter ac:name="${key}">${value}</ac:parameter>`)
      .join('') +
    inner +
    '</ac:structured-macro>'
  );
}

const status = (colour: string, title: string): string =>
  macro('status', { colour, title }, '', false);

function cell(tagName: 'th' | 'td', inner: string): string {
  return `<${tagName} ac:local-id="${blockId((next += 1))}">${p(inner)}</${tagName}>`;
}

function table(width: number, layout: string, rows: Array<[string, string, string]>): string {
  const [head, ...body] = rows;
  const row = (tagName: 'th' | 'td', cells: string[]): string =>
    `<tr ac:local-id="${blockId((next += 1))}">${cells.map((text) => cell(tagName, text)).join('')}</tr>`;
  return (
    `<table data-table-width="${width}" data-layout="${layout}" ac:local-id="${uuid((next += 1))}"><tbody>` +
    row(
      'th',
      head!.map((text) => `<strong>${text}</strong>`),
    ) +
    body.map((cells) => row('td', cells)).join('') +
    '</tbody></table>'
  );
}

function adfPanel(emoji: string, colour: string, text: string): string {
  const id = uuid((next += 1));
  const paragraph = p(text);
  return (
    '<ac:adf-extension><ac:adf-node type="panel">' +
    '<ac:adf-attribute key="panel-type">custom</ac:adf-attribute>' +
    `<ac:adf-attribute key="panel-icon">:${emoji}:</ac:adf-attribute>` +
    `<ac:adf-attribute key="panel-color">${colour}</ac:adf-attribute>` +
    `<ac:adf-attribute key="local-id">${id}</ac:adf-attribute>` +
    `<ac:adf-content>${paragraph}</ac:adf-content></ac:adf-node>` +
    '<ac:adf-fallback>' +
    `<div class="panel conf-macro output-block" style="background-color: ${colour};border-width: 1.0px;">` +
    `<div class="panelContent" style="background-color: ${colour};">${paragraph}</div></div>` +
    '</ac:adf-fallback></ac:adf-extension>'
  );
}

function decisions(items: string[]): string {
  const nodes = items
    .map(
      (text) =>
        '<ac:adf-node type="decision-item">' +
        `<ac:adf-attribute key="local-id">${uuid((next += 1))}</ac:adf-attribute>` +
        '<ac:adf-attribute key="state">DECIDED</ac:adf-attribute>' +
        `<ac:adf-content>${text}</ac:adf-content></ac:adf-node>`,
    )
    .join('');
  return (
    '<ac:adf-extension><ac:adf-node type="decision-list">' +
    `<ac:adf-attribute key="local-id">${uuid((next += 1))}</ac:adf-attribute>${nodes}</ac:adf-node>` +
    `<ac:adf-fallback><ul class="decision-list">${items.map((text) => `<li>${text}</li>`).join('')}</ul></ac:adf-fallback>` +
    '</ac:adf-extension>'
  );
}

function task(id: number, done: boolean, body: string): string {
  return (
    `<ac:task><ac:task-id>${id}</ac:task-id><ac:task-uuid>${uuid((next += 1))}</ac:task-uuid>` +
    `<ac:task-status>${done ? 'complete' : 'incomplete'}</ac:task-status>` +
    `<ac:task-body><span class="placeholder-inline-tasks">${body}</span></ac:task-body></ac:task>`
  );
}

function buildCloudEditorBody(): string {
  next = 0;
  return [
    p(
      'Written in the Cloud editor and stored as Confluence stores it: on one line, with the new editor\u2019s markup.',
    ),
    heading(2, 'Links'),
    p(
      'Inline card: <a href="https://example.com/roadmap" data-card-appearance="inline">https://example.com/roadmap</a>; ' +
        'page link saved at version 3: <ac:link ac:card-appearance="inline"><ri:page ri:content-title="Sandbox" ri:version-at-save="3" /><ac:link-body>Sandbox</ac:link-body></ac:link>; ' +
        `mention: <ac:link><ri:user ri:account-id="${alex.accountId}" /></ac:link>.`,
    ),
    '<a href="https://example.com/design-spec" data-card-appearance="block">https://example.com/design-spec</a>',
    heading(2, 'Status'),
    table(760, 'default', [
      ['Area', 'Owner', 'State'],
      ['Editor', 'Alex', status('Green', 'DONE')],
      ['Preview marks', 'Robin', status('Yellow', 'IN PROGRESS')],
      ['Scroll sync', 'Demo', status('Red', 'BLOCKED')],
    ]),
    table(1800, 'full-width', [
      ['Release', 'Date', 'Notes'],
      ['1.0', '<time datetime="2026-03-02" />', 'First public build'],
      ['1.1', '<time datetime="2026-05-18" />', 'One-line pages laid out on open'],
    ]),
    heading(2, 'Panels and decisions'),
    macro(
      'info',
      {},
      `<ac:rich-text-body>${p('A standard info panel, with its ids.')}</ac:rich-text-body>`,
    ),
    adfPanel(
      'rocket',
      '#eae6ff',
      'A custom panel: the Cloud editor stores it as an ADF extension.',
    ),
    decisions(['Store seed pages on one line', 'Keep the Sandbox laid out by hand']),
    heading(2, 'Code'),
    macro(
      'code',
      { language: 'ts', breakoutMode: 'wide', breakoutWidth: '760' },
      '<ac:plain-text-body><![CDATA[// CDATA keeps its own newlines on a one-line page\nexport const greet = (name: string) =>\n  `Hello, ${name}`;\n]]></ac:plain-text-body>',
    ),
    heading(2, 'Tasks'),
    '<ac:task-list>',
    task(1, true, 'Seed a Cloud-editor page'),
    task(2, false, `Review with <ac:link><ri:user ri:account-id="${alex.accountId}" /></ac:link>`),
    '</ac:task-list>',
    '<ac:layout><ac:layout-section ac:type="two_equal" ac:breakout-mode="default">',
    `<ac:layout-cell>${p('Left column.')}</ac:layout-cell><ac:layout-cell>${p('Right column.')}</ac:layout-cell>`,
    '</ac:layout-section></ac:layout>',
    macro(
      'expand',
      { title: 'Details' },
      `<ac:rich-text-body>${p('Hidden until expanded.')}</ac:rich-text-body>`,
    ),
  ].join('');
}

export const CLOUD_EDITOR_BODY = buildCloudEditorBody();
