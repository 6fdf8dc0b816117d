import { createConverter } from './html-to-storage/convert';
import { wrapFlow } from './html-to-storage/flow';
import { parseHtml } from './html-to-storage/parse-html';
import { prune } from './html-to-storage/prune';
import { serialize } from './html-to-storage/serialize';
import { collapseWhitespace } from './html-to-storage/whitespace';

export { looksLikeHtml } from './html-to-storage/looks-like-html';

/**
 * Converts arbitrary pasted HTML (a fragment or a whole document, from a browser, Word, Google
 * Docs, GitHub or Confluence's own view) into well-formed Confluence storage format. Only an
 * allowlist of elements and attributes survives; scripts, styles, event handlers and unsafe
 * URLs are dropped; `<b>/<i>` become `<strong>/<em>`, images `ac:image`, code blocks the `code`
 * macro, simple task lists `ac:task-list`. Top-level blocks are written one per line.
 */
export function htmlToStorage(html: string): string {
  const converter = createConverter();
  const blocks = wrapFlow(converter.nodes(parseHtml(html)), 'blocks');
  collapseWhitespace(blocks);
  return serialize(prune(blocks));
}
