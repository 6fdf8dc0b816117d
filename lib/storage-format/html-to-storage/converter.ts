import type { HtmlNode } from './parse-html';
import type { OutNode } from './out-nodes';

/** What the structural helpers (lists, tables) need from the main converter. */
export interface Converter {
  /** Converts HTML children into a mix of storage blocks and inline nodes. */
  nodes(children: readonly HtmlNode[]): OutNode[];
  /** Task ids are numbered across the whole pasted fragment, as Confluence numbers them. */
  nextTaskId(): number;
}

/** Elements dropped together with everything inside them. */
export const DROPPED_WITH_CONTENT = new Set([
  'head',
  'title',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'map',
  'svg',
  'math',
  'meta',
  'link',
  'base',
  'basefont',
  'bgsound',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'progress',
  'meter',
  'keygen',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'portal',
  'dialog',
  'wbr',
]);

/**
 * Namespaced Office markup: VML drawings (`v:`), Office placeholders (`o:p` holds only the
 * `&nbsp;` Word puts in empty paragraphs) and Word's own XML (`w:`). Other prefixed elements,
 * such as Word's `st1:` smart tags, wrap real text and are unwrapped instead.
 */
export function isOfficeJunk(name: string): boolean {
  return /^(v|o|w|m):/.test(name);
}
