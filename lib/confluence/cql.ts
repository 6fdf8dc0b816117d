/**
 * CQL built from user text (docs/confluence-api.md §1.3). Two different escapings apply:
 *
 * - `title = "…"` compares a CQL string literal: only `"` and `\` need a backslash, and inside the
 *   quotes `:`, `AND` or `(` are plain text.
 * - `title ~ "…"` hands the literal to Confluence's text search, which parses it again as a
 *   Lucene query: `:` becomes a field separator, `AND`/`OR`/`NOT` operators, `*?~^()[]{}!+-/`
 *   syntax, and a title such as "Release: notes" fails or finds nothing. Those characters carry
 *   no words, so they become blanks; reserved words are lower-cased (Lucene only treats the
 *   upper-case forms as operators, and title search ignores case anyway).
 */

/** A CQL string literal for `=`, `!=` and `in`: quotes and backslashes escaped. */
export function cqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const LUCENE_SYNTAX = /[\\/"':+\-!(){}[\]^~*?&|]/g;
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'to']);

/** The words of `text` that a title search can match, reserved words defused. */
export function titleSearchWords(text: string): string[] {
  return text
    .replace(LUCENE_SYNTAX, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (RESERVED_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word));
}

/**
 * The `title ~` literal for type-ahead: every word, the last one as a prefix (`"sandb*"` finds
 * "Sandbox"), or null when the text holds no word at all.
 */
export function titleContainsLiteral(text: string): string | null {
  const words = titleSearchWords(text);
  if (words.length === 0) return null;
  return cqlString(`${words.join(' ')}*`);
}

export type ContentType = 'page' | 'folder';

/**
 * CQL for content whose title contains `text` (pages, or pages and Cloud folders), optionally
 * within one space; null when the text holds no word.
 */
export function titleSearchCql(
  text: string,
  options: { spaceKey?: string; types?: readonly ContentType[] } = {},
): string | null {
  const literal = titleContainsLiteral(text);
  if (literal === null) return null;
  const types = options.types ?? ['page'];
  const type = types.length === 1 ? `type = ${types[0]}` : `type in (${types.join(', ')})`;
  const space = options.spaceKey ? ` AND space = ${cqlString(options.spaceKey)}` : '';
  return `${type} AND title ~ ${literal}${space}`;
}
