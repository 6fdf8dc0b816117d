/**
 * HTML escaping for the preview writer. Text and attribute values are the only page-derived
 * strings that reach the output, so these two functions are what keeps markup out of it.
 * A character loop, not a regex: it runs once per text node and attribute on big pages.
 */

/** Escapes text content: `&`, `<`, `>`; NUL becomes U+FFFD as an HTML parser would make it. */
export function escapeHtmlText(value: string): string {
  return escape(value, false);
}

/** Escapes a double-quoted attribute value: text escaping plus `"`. */
export function escapeHtmlAttribute(value: string): string {
  return escape(value, true);
}

function escape(value: string, quotes: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    let replacement: string;
    switch (value.charCodeAt(i)) {
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
