/**
 * How storage-format elements behave on a page: which are blocks (the formatter may put them on
 * their own lines, the preview tags them with `data-source-line`), which are inline (whitespace
 * around them is content), which are HTML voids (must be written `<br/>`), and which hold text
 * whose whitespace is significant.
 */

/** HTML void elements: valid only self-closed (`<br/>`) in storage format. */
export const HTML_VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements that start a block of their own on the rendered page. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'blockquote',
  'pre',
  'hr',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'figure',
  'figcaption',
  'details',
  'summary',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
  'ac:rich-text-body',
  'ac:task-list',
  'ac:task',
  'ac:adf-extension',
  'ac:adf-node',
  'ac:adf-content',
  'ac:adf-fallback',
]);

/**
 * Elements whose text content is taken literally: whitespace inside them is part of the value or
 * of what the reader sees, so no tool may re-indent inside them.
 */
export const WHITESPACE_SENSITIVE_ELEMENTS: ReadonlySet<string> = new Set([
  'pre',
  'code',
  'ac:parameter',
  'ac:default-parameter',
  'ac:plain-text-body',
  'ac:plain-text-link-body',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-attribute',
  'ac:placeholder',
]);

/** Macro elements, current and legacy (before Confluence 5). */
export const MACRO_ELEMENTS: ReadonlySet<string> = new Set(['ac:structured-macro', 'ac:macro']);

export function isBlockElement(name: string): boolean {
  return BLOCK_ELEMENTS.has(name) || MACRO_ELEMENTS.has(name);
}
