import { decodeHTML } from 'entities';

import { XHTML_ENTITIES } from '../xhtml-entities';
import { isNameStart, isWhitespace, skipNameChars } from './char-classes';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';

export interface ReferenceResult {
  /** Replacement text (the raw source when the reference is broken, so nothing is lost). */
  text: string;
  /** Offset just after what was consumed. */
  next: number;
}

/** Past the end, Woodstox reads Confluence's closing `</xml>`: its first character is `<`. */
const LT = 60;

function codeAt(source: string, offset: number): number {
  return offset < source.length ? source.charCodeAt(offset) : LT;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** A character reference must expand to a character XML allows. */
function isAllowedExpansion(value: number): boolean {
  if (value < 32) return value === 9 || value === 10 || value === 13;
  if (value >= 0xd800 && value <= 0xdfff) return false;
  return value !== 0xfffe && value !== 0xffff;
}

/** HTML5-only names (`&check;`) are not in Confluence's table, but we can say which character was meant. */
function suggestionFor(name: string): string {
  const decoded = decodeHTML(`&${name};`);
  return decoded !== `&${name};`
    ? ` Write the character itself or \`&#${decoded.codePointAt(0)};\` instead.`
    : ' Write the character itself, a numeric reference such as `&#160;`, or `&amp;` for a literal ampersand.';
}

/**
 * Reads the reference starting at `amp` (which holds `&`) exactly as Woodstox would, reporting
 * what Confluence would reject. Used for text and attribute values alike.
 */
export function readReference(source: string, amp: number, sink: ErrorSink): ReferenceResult {
  let p = amp + 1;
  const first = codeAt(source, p);
  if (first === 35 /* # */) return readCharacterReference(source, amp, sink);
  if (!isNameStart(first)) {
    const message = isWhitespace(first)
      ? woodstox.missingName(first)
      : woodstox.expectedNameStart(first);
    sink.error(
      'bare_ampersand',
      'A literal `&` must be written `&amp;`.',
      amp,
      amp + 1,
      message,
      p,
    );
    return { text: '&', next: amp + 1 };
  }
  p = skipNameChars(source, p + 1);
  const name = source.slice(amp + 1, p);
  const after = codeAt(source, p);
  if (after !== 59 /* ; */) {
    sink.error(
      'entity_missing_semicolon',
      `\`&${name}\` reads as the start of an entity. Write \`&amp;${name}\` for a literal ampersand (in URLs every \`&\` must be \`&amp;\`).`,
      amp,
      p,
      woodstox.expectedSemicolon(after, name),
      p,
    );
    return { text: source.slice(amp, p), next: p };
  }
  const value = PREDEFINED[name] ?? XHTML_ENTITIES.get(name);
  if (value === undefined) {
    sink.error(
      'undeclared_entity',
      `\`&${name};\` is not an entity Confluence knows (it knows XML's five and the XHTML 1.0 set).${suggestionFor(name)}`,
      amp,
      p + 1,
      woodstox.undeclaredEntity(name),
      p,
    );
    return { text: source.slice(amp, p + 1), next: p + 1 };
  }
  return { text: value, next: p + 1 };
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function readCharacterReference(source: string, amp: number, sink: ErrorSink): ReferenceResult {
  let p = amp + 2;
  const hex = codeAt(source, p) === 120; /* x */
  if (hex) p++;
  const digitsStart = p;
  let value = 0;
  let tooHighAt = -1;
  for (;;) {
    const code = codeAt(source, p);
    if (code === 59 /* ; */) break;
    const valid = hex ? isHexDigit(code) : code >= 48 && code <= 57;
    if (!valid) {
      sink.error(
        'invalid_character_reference',
        `\`${source.slice(amp, p + 1)}\` is not a valid character reference: use \`&#NNN;\` (decimal) or \`&#xHH;\` (hex).`,
        amp,
        Math.min(p + 1, source.length),
        hex ? woodstox.expectedHexDigit(code) : woodstox.expectedDecimal(code),
        p,
      );
      return { text: source.slice(amp, p), next: p };
    }
    if (tooHighAt < 0) {
      value = value * (hex ? 16 : 10) + Number.parseInt(String.fromCharCode(code), 16);
      if (value > 0x10ffff) tooHighAt = p;
    }
    p++;
  }
  const end = p + 1;
  const raw = source.slice(amp, end);
  let message: string | null = null;
  let at = p;
  if (p === digitsStart || value === 0) message = woodstox.nullCharRef;
  else if (tooHighAt >= 0) {
    message = woodstox.charRefTooHigh;
    at = tooHighAt;
  } else if (!isAllowedExpansion(value)) message = woodstox.illegalCharRef(value);
  if (message) {
    sink.error(
      'invalid_character_reference',
      `\`${raw}\` refers to a character XML does not allow; remove it.`,
      amp,
      end,
      message,
      at,
    );
    return { text: raw, next: end };
  }
  return { text: String.fromCodePoint(value), next: end };
}
