/**
 * Splits sanitized preview HTML into its top-level blocks, so the frame can re-parse and replace
 * only the blocks that changed (docs/performance-anchors.md: on a 1 MB page a whole-document swap
 * costs ~0.5 s, mostly style and layout of content that did not change).
 *
 * The input is DOMPurify's output, i.e. the HTML serializer's canonical form: attribute values
 * double-quoted (`"` inside escaped), `<` in text escaped, no doctype. So a small scanner finds
 * the boundaries; each block is a substring of that output, cut where the tree is at depth 0, and
 * parses to the same nodes on its own as inside the whole (no script, style, svg, math or form
 * survive the sanitizer, which are where context changes parsing).
 */

import { HTML_VOID_ELEMENTS } from '@/lib/storage-format/element-kinds';

/** Elements whose content the serializer writes raw (no escaping): skip to their end tag. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'style',
  'script',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'textarea',
  'title',
]);

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 58
  );
}

/** Index just after the `>` closing the tag that starts at `start` (quotes respected). */
function tagEnd(html: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      quote = code;
    } else if (code === 62) {
      return i + 1;
    }
  }
  return html.length;
}

function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
  return html.slice(from, end).toLowerCase();
}

/**
 * The top-level blocks of `html`, in order; joined they give `html` back exactly. A run of text
 * between top-level elements is a block of its own.
 */
export function splitTopLevelBlocks(html: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let blockStart = 0;
  let i = 0;
  const cut = (end: number) => {
    if (end > blockStart) blocks.push(html.slice(blockStart, end));
    blockStart = end;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const end = close < 0 ? html.length : close + 3;
      if (depth === 0) {
        cut(lt);
        cut(end);
      }
      i = end;
    } else if (next === 47 /* / */) {
      const end = tagEnd(html, lt);
      depth = Math.max(0, depth - 1);
      if (depth === 0) cut(end);
      i = end;
    } else if (isNameChar(next)) {
      const name = tagName(html, lt + 1);
      if (depth === 0) cut(lt);
      let end = tagEnd(html, lt);
      const selfClosing = html.charCodeAt(end - 2) === 47;
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const close = html.toLowerCase().indexOf(`</${name}`, end);
        end = close < 0 ? html.length : tagEnd(html, close);
        if (depth === 0) cut(end);
      } else if (HTML_VOID_ELEMENTS.has(name) || selfClosing) {
        if (depth === 0) cut(end);
      } else {
        depth++;
      }
      i = end;
    } else {
      // A lone `<` in text (not produced by a serializer, but harmless): part of the text run.
      i = lt + 1;
    }
  }
  cut(html.length);
  return blocks;
}

/** The start tag's attributes in the serializer's form (values double-quoted), up to the offset. */
const SOURCE_OFFSET =
  /^<[a-zA-Z][a-zA-Z0-9:-]*(?:\s+[^\s="'>/]+(?:="[^"]*")?)*?\s+data-source-offset="(\d+)"/;

/**
 * The source offset a top-level block starts at (its `data-source-offset`), or null for a block
 * without one (a run of text, a comment, the toc). Lets a patcher or the scroll sync key blocks
 * by offset, which stays unique on a one-line body where every block is on line 1.
 */
export function blockSourceOffset(block: string): number | null {
  const match = SOURCE_OFFSET.exec(block);
  return match ? Number(match[1]) : null;
}
