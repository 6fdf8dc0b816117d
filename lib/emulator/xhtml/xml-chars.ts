/**
 * Character classes of XML 1.0 (5th edition) and the way Woodstox prints an offending character.
 * Kept apart so the scanner reads like the grammar it follows.
 */

const NAME_START =
  /[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;
const NAME_EXTRA = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040]/u;

/** True when `ch` may start an XML name. `:` counts (namespace rules are checked separately). */
export function isNameStartChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_START.test(ch);
}

/** True when `ch` may continue an XML name. */
export function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && (NAME_START.test(ch) || NAME_EXTRA.test(ch));
}

/** XML white space: the only characters allowed between attributes. */
export function isXmlSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** C0 controls other than tab, line feed and carriage return are never allowed in XML 1.0. */
export function isForbiddenControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}

/** Whether a character reference may expand to `code` (XML 1.0 `Char` production). */
export function isAllowedReferenceTarget(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/**
 * Woodstox's way of naming a character in messages: `'x' (code 120)`, with the hex code above
 * 255, `(CTRL-CHAR, code 10)` for ISO controls, and `'?'` for a surrogate half (Java sees UTF-16
 * units, and a lone half prints as `?`).
 */
export function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `(CTRL-CHAR, code ${code})`;
  const shown = code >= 0xd800 && code <= 0xdfff ? '?' : ch;
  return code > 255
    ? `'${shown}' (code ${code} / 0x${code.toString(16)})`
    : `'${shown}' (code ${code})`;
}

/** The character (a whole surrogate pair when there is one) at `index`. */
export function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
