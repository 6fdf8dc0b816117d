/**
 * HTML escaping for the preview writer. Text and attribute values are the only page-derived
 * strings that reach the output, so these two functions are what keeps markup out of it.
 * It runs once per text node and attribute on big pages, and nearly every value needs no
 * escaping at all. Values of 13 characters or more are first searched with a regex (a native
 * scan): from that length on, V8 makes slices (text from the parser) and concatenations (class
 * lists built by the renderer) into views of other strings, which the character loop reads
 * through a call per character; shorter values are plain copies the loop reads fastest.
 */

const TEXT_SPECIAL = /[&<>\0]/;
const ATTRIBUTE_SPECIAL = /[&<>"\0]/;
/** V8's minimum length of a sliced or concatenated string (measured: 13 beat 24 and 64). */
const SEARCH_FROM_LENGTH = 13;

/** Escapes text content: `&`, `<`, `>`; NUL becomes U+FFFD as an HTML parser would make it. */
export function escapeHtmlText(value: string): string {
  if (value.length < SEARCH_FROM_LENGTH) return escapeFrom(value, 0, false);
  const first = value.search(TEXT_SPECIAL);
  return first < 0 ? value : escapeFrom(value, first, false);
}

/** Escapes a double-quoted attribute value: text escaping plus `"`. */
export function escapeHtmlAttribute(value: string): string {
  if (value.length < SEARCH_FROM_LENGTH) return escapeFrom(value, 0, true);
  const first = value.search(ATTRIBUTE_SPECIAL);
  return first < 0 ? value : escapeFrom(value, first, true);
}

/** Escapes `value`, whose characters before `from` need no escaping. */
function escapeFrom(value: string, from: number, quotes: boolean): string {
  let out = '';
  let last = 0;
  for (let i = from; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // Letters, digits and most punctuation are above `>`: one comparison skips them.
    if (code > 62) continue;
    let replacement: string;
    switch (code) {
      case 38:
        replacement = '&amp;';
        break;
      case 60:
        replacement = '&lt;';
        break;
      case 62:
        replacement = '&gt;';
        break;
      case 34:
        if (!quotes) continue;
        replacement = '&quot;';
        break;
      case 0:
        replacement = '\uFFFD';
        break;
      default:
        continue;
    }
    if (i > last) out += value.slice(last, i);
    out += replacement;
    last = i + 1;
  }
  if (last === 0) return value;
  return last < value.length ? out + value.slice(last) : out;
}
