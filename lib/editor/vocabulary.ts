/**
 * The element and attribute vocabulary offered by completion: Confluence's `ac:`/`ri:` elements
 * (docs/storage-format.md §3–§6) and the XHTML subset Confluence keeps. Snippet syntax is Monaco's
 * (`$1`, `${1:default}`, `$0`).
 */

export interface ElementEntry {
  name: string;
  /** Inserted after `<`. */
  snippet: string;
  detail: string;
}

function container(name: string, detail: string, inner = '$0'): ElementEntry {
  return { name, snippet: `${name}>${inner}</${name}>`, detail };
}

function empty(name: string, attributes: string, detail: string): ElementEntry {
  return { name, snippet: `${name}${attributes}/>$0`, detail };
}

/** `ri:` resource identifiers: always empty elements carrying the target in attributes. */
export const RESOURCE_ELEMENTS: readonly ElementEntry[] = [
  empty(
    'ri:page',
    ' ri:content-title="$1"',
    'Link/include target: a page (add ri:space-key for another space)',
  ),
  empty(
    'ri:attachment',
    ' ri:filename="$1"',
    'An attachment of this page (or of an ri:page inside it)',
  ),
  empty('ri:url', ' ri:value="$1"', 'An external URL (images)'),
  empty('ri:user', ' ri:account-id="$1"', 'A user mention (Cloud: account id; DC: ri:userkey)'),
  empty('ri:space', ' ri:space-key="$1"', 'A space'),
  empty('ri:blog-post', ' ri:content-title="$1" ri:posting-day="${2:2026/01/31}"', 'A blog post'),
  empty('ri:content-entity', ' ri:content-id="$1"', 'Any content by id'),
];

/** `ac:` structure elements (macros themselves come from the catalogue). */
export const AC_ELEMENTS: readonly ElementEntry[] = [
  {
    name: 'ac:link',
    snippet: 'ac:link><ri:page ri:content-title="$1"/><ac:link-body>$0</ac:link-body></ac:link>',
    detail: 'Link to a page, attachment, user or anchor',
  },
  {
    name: 'ac:image',
    snippet: 'ac:image><ri:attachment ri:filename="$1"/></ac:image>$0',
    detail: 'Image from an attachment (or ri:url)',
  },
  container('ac:link-body', 'Rich link text'),
  {
    name: 'ac:plain-text-link-body',
    snippet: 'ac:plain-text-link-body><![CDATA[$0]]></ac:plain-text-link-body>',
    detail: 'Plain link text',
  },
  {
    name: 'ac:parameter',
    snippet: 'ac:parameter ac:name="$1">$0</ac:parameter>',
    detail: 'Macro parameter',
  },
  container('ac:rich-text-body', 'Macro body with rich content', '\n\t<p>$0</p>\n'),
  {
    name: 'ac:plain-text-body',
    snippet: 'ac:plain-text-body><![CDATA[$0]]></ac:plain-text-body>',
    detail: 'Macro body as plain text (CDATA)',
  },
  {
    name: 'ac:structured-macro',
    snippet: 'ac:structured-macro ac:name="$1">$0</ac:structured-macro>',
    detail: 'A macro',
  },
  empty('ac:emoticon', ' ac:name="${1:smile}"', 'Emoticon'),
  {
    name: 'ac:task-list',
    snippet:
      'ac:task-list>\n\t<ac:task>\n\t\t<ac:task-status>${1|incomplete,complete|}</ac:task-status>\n\t\t<ac:task-body>$0</ac:task-body>\n\t</ac:task>\n</ac:task-list>',
    detail: 'Task list',
  },
  {
    name: 'ac:task',
    snippet:
      'ac:task>\n\t<ac:task-status>${1|incomplete,complete|}</ac:task-status>\n\t<ac:task-body>$0</ac:task-body>\n</ac:task>',
    detail: 'Task',
  },
  container('ac:task-status', 'incomplete | complete'),
  container('ac:task-body', 'Task text'),
  {
    name: 'ac:layout',
    snippet:
      'ac:layout>\n\t<ac:layout-section ac:type="${1|single,two_equal,two_left_sidebar,two_right_sidebar,three_equal,three_with_sidebars|}">\n\t\t<ac:layout-cell>\n\t\t\t<p>$0</p>\n\t\t</ac:layout-cell>\n\t</ac:layout-section>\n</ac:layout>',
    detail: 'Page layout',
  },
  {
    name: 'ac:layout-section',
    snippet:
      'ac:layout-section ac:type="${1:single}">\n\t<ac:layout-cell>$0</ac:layout-cell>\n</ac:layout-section>',
    detail: 'Layout section',
  },
  container('ac:layout-cell', 'Layout cell'),
  container('ac:placeholder', 'Instructional text shown only while editing'),
];

/** XHTML elements Confluence keeps. */
export const XHTML_ELEMENTS: readonly ElementEntry[] = [
  container('p', 'Paragraph'),
  ...[1, 2, 3, 4, 5, 6].map((level) => container(`h${level}`, `Heading ${level}`)),
  container('ul', 'Bulleted list', '\n\t<li>$0</li>\n'),
  container('ol', 'Numbered list', '\n\t<li>$0</li>\n'),
  container('li', 'List item'),
  {
    name: 'table',
    snippet:
      'table>\n\t<tbody>\n\t\t<tr>\n\t\t\t<th>$1</th>\n\t\t\t<th>$2</th>\n\t\t</tr>\n\t\t<tr>\n\t\t\t<td>$3</td>\n\t\t\t<td>$0</td>\n\t\t</tr>\n\t</tbody>\n</table>',
    detail: 'Table with a header row',
  },
  container('tbody', 'Table body'),
  container('tr', 'Table row'),
  container('th', 'Header cell'),
  container('td', 'Cell'),
  container('strong', 'Bold'),
  container('em', 'Italic'),
  container('u', 'Underline'),
  container('s', 'Strikethrough'),
  container('code', 'Inline code'),
  container('pre', 'Preformatted'),
  container('blockquote', 'Quote'),
  container('sub', 'Subscript'),
  container('sup', 'Superscript'),
  container('span', 'Inline span'),
  container('div', 'Block'),
  { name: 'a', snippet: 'a href="$1">$0</a>', detail: 'External link' },
  empty('br', '', 'Line break (self-closed)'),
  empty('hr', '', 'Horizontal rule (self-closed)'),
];

/** Attributes offered inside a start tag, by element name; `*` applies to XHTML elements. */
export const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'ac:structured-macro': ['ac:name', 'ac:schema-version', 'ac:macro-id'],
  'ac:parameter': ['ac:name'],
  'ac:image': [
    'ac:width',
    'ac:height',
    'ac:align',
    'ac:alt',
    'ac:title',
    'ac:border',
    'ac:thumbnail',
    'ac:class',
  ],
  'ac:link': ['ac:anchor', 'ac:card-appearance'],
  'ac:emoticon': ['ac:name', 'ac:emoji-shortname', 'ac:emoji-id', 'ac:emoji-fallback'],
  'ac:layout-section': ['ac:type', 'ac:breakout-mode'],
  'ri:page': ['ri:content-title', 'ri:space-key', 'ri:version-at-save'],
  'ri:attachment': ['ri:filename', 'ri:version-at-save'],
  'ri:url': ['ri:value'],
  'ri:user': ['ri:account-id', 'ri:userkey', 'ri:username'],
  'ri:space': ['ri:space-key'],
  'ri:blog-post': ['ri:content-title', 'ri:space-key', 'ri:posting-day'],
  'ri:content-entity': ['ri:content-id'],
  a: ['href', 'title'],
  td: ['colspan', 'rowspan', 'style', 'class'],
  th: ['colspan', 'rowspan', 'style', 'class', 'scope'],
  table: ['class', 'style', 'data-layout'],
  '*': ['style', 'class', 'title'],
};

/** Fixed value sets of attributes, offered inside their quotes. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, readonly string[]>> = {
  'ac:align': ['left', 'center', 'right'],
  'ac:type': [
    'single',
    'two_equal',
    'two_left_sidebar',
    'two_right_sidebar',
    'three_equal',
    'three_with_sidebars',
  ],
  'ac:thumbnail': ['true', 'false'],
  'ac:border': ['true', 'false'],
};
