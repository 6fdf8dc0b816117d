/**
 * Character classes of XML 1.0 as Woodstox applies them, on UTF-16 code units. Non-ASCII units
 * count as name characters: Woodstox accepts the whole non-ASCII range in names, and storage
 * bodies in the wild use names only from ASCII anyway.
 */

const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  NAME_START[c] = letter || c === 95 /* _ */ ? 1 : 0;
  NAME_CHAR[c] =
    NAME_START[c] || (c >= 48 && c <= 57) || c === 45 /* - */ || c === 46 /* . */ ? 1 : 0;
}

/** Name start without the colon: prefixes and local names are NCNames. */
export function isNameStart(code: number): boolean {
  return code < 128 ? NAME_START[code] === 1 : code !== 0xfffe && code !== 0xffff;
}

export function isNameChar(code: number): boolean {
  return code < 128 ? NAME_CHAR[code] === 1 : code !== 0xfffe && code !== 0xffff;
}

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/*
 * Whole-run scanners. The parser calls these once per name or gap rather than a predicate per
 * character: a call across modules is cheap in a bundle but goes through an export getter when
 * run as CommonJS (tsx, the bench), and per character that cost showed up in profiles.
 */

/** Offset of the first non-name character at or after `from` (or the end). */
export function skipNameChars(source: string, from: number): number {
  const length = source.length;
  let p = from;
  while (p < length) {
    const code = source.charCodeAt(p);
    if (code < 128 ? NAME_CHAR[code] !== 1 : code === 0xfffe || code === 0xffff) break;
    p++;
  }
  return p;
}

/** Offset of the first character at or after `from` that is not XML whitespace (or the end). */
export function skipWhitespace(source: string, from: number): number {
  const length = source.length;
  let p = from;
  while (p < length) {
    const code = source.charCodeAt(p);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13) break;
    p++;
  }
  return p;
}

/**
 * Characters XML 1.0 forbids outright. Woodstox checks only the C0 controls (it lets U+FFFE/FFFF
 * through), so we do the same: an error here must be an error in Confluence.
 */
export function isForbiddenControl(code: number): boolean {
  return code < 32 && code !== 9 && code !== 10 && code !== 13;
}

/** Woodstox describes a character as `'c' (code 99)`; control characters as their code only. */
export function describeChar(code: number): string {
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  const char = String.fromCharCode(code);
  return code > 127
    ? `'${char}' (code ${code} / 0x${code.toString(16)})`
    : `'${char}' (code ${code})`;
}
