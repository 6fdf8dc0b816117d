import { scanReference, type ScanError } from './entity-reference';
import {
  charAt,
  describeChar,
  isForbiddenControl,
  isNameChar,
  isNameStartChar,
  isXmlSpace,
} from './xml-chars';

/**
 * A lexical pass that finds the first error the way Woodstox words and places it (the index of
 * the last character it consumed). saxes decides well-formedness too (see check-xhtml.ts); this
 * pass exists because saxes cannot tell us Woodstox's words and positions, and because we hide
 * entity references from saxes (its entity handling differs from Woodstox's). Namespace and
 * duplicate-attribute rules are left to saxes.
 *
 * `src` is the body followed by the wrapper's `</xml>`; the wrapper's start tag is implied.
 */
export function findFirstWoodstoxError(src: string): ScanError | null {
  const stack: string[] = ['xml'];
  let index = 0;
  let textStart = 0;
  while (index < src.length) {
    const ch = src[index]!;
    if (ch === '<') {
      const result = scanMarkup(src, index, stack);
      if ('error' in result) return result.error;
      index = result.end;
      textStart = index;
      continue;
    }
    if (stack.length === 0 && !isXmlSpace(ch)) {
      const message = `Unexpected character ${describeChar(ch)} in epilog (unbalanced start/end tags?).`;
      return { index, message };
    }
    if (ch === '&') {
      const result = scanReference(src, index);
      if ('error' in result) return result.error;
      index = result.end;
      continue;
    }
    if (ch === '>' && index - 2 >= textStart && src[index - 1] === ']' && src[index - 2] === ']') {
      const message =
        "String ']]>' not allowed in textual content, except as the end marker of CDATA section";
      return { index, message };
    }
    if (isForbiddenControl(ch.charCodeAt(0))) return illegalCharacter(index, ch);
    index += 1;
  }
  return null;
}

type MarkupResult = { end: number } | { error: ScanError };

/**
 * Woodstox's default limit on element depth, which Confluence keeps: counting Confluence's own
 * `<xml>` wrapper, a 1001st open element is refused (so 999 levels of body nest at most).
 */
const MAX_ELEMENT_DEPTH = 1000;
/** Woodstox reports the limit without a location. */
export const DEPTH_LIMIT_MESSAGE = `Maximum Element Depth limit (${MAX_ELEMENT_DEPTH}) Exceeded`;

function illegalCharacter(index: number, ch: string): { index: number; message: string } {
  return { index, message: `Illegal character (${describeChar(ch)})` };
}

/**
 * Woodstox rejects a forbidden control character as soon as it reads it, except where it checks
 * for a name's first character (`atNameStart`): there it words it as an unexpected character.
 */
function unexpected(
  src: string,
  index: number,
  tail: string,
  atNameStart = false,
): { error: ScanError } {
  const ch = src[index];
  if (ch === undefined) return { error: { index: src.length - 1, message: 'Unexpected EOF' } };
  if (!atNameStart && isForbiddenControl(ch.charCodeAt(0)))
    return { error: illegalCharacter(index, ch) };
  return { error: { index, message: `Unexpected character ${describeChar(ch)}${tail}` } };
}

function scanMarkup(src: string, start: number, stack: string[]): MarkupResult {
  const next = src[start + 1];
  if (next === '!') return scanDirective(src, start);
  if (next === '?') return scanProcessingInstruction(src, start);
  if (next === '/') return scanEndTag(src, start, stack);
  if (stack.length === 0) {
    return {
      error: {
        index: start + 1,
        message: 'Illegal to have multiple roots (start tag in epilog?).',
      },
    };
  }
  // Woodstox counts the element before it reads the tag.
  if (stack.length >= MAX_ELEMENT_DEPTH) {
    return { error: { index: start, message: DEPTH_LIMIT_MESSAGE, unlocated: true } };
  }
  return scanStartTag(src, start, stack);
}

function scanDirective(src: string, start: number): MarkupResult {
  if (src.startsWith('<!--', start)) return scanUntil(src, start + 4, '-->', 'comment');
  if (src.startsWith('<![', start)) return scanCdataKeyword(src, start);
  const index = src[start + 2] === '-' ? start + 3 : start + 2;
  const message = "Unrecognized XML directive; expected CDATA or comment ('<![CDATA[' or '<!--').";
  return { error: { index, message } };
}

/**
 * After `<![` Woodstox matches the keyword `CDATA` letter by letter; on a mismatch it reports the
 * matched letters, the mismatching character and the name characters that follow.
 */
function scanCdataKeyword(src: string, start: number): MarkupResult {
  const keyword = 'CDATA';
  const from = start + 3;
  let matched = 0;
  while (matched < keyword.length && src[from + matched] === keyword[matched]) matched += 1;
  if (matched === keyword.length && src[from + matched] === '[') {
    return scanUntil(src, from + matched + 1, ']]>', 'cdata');
  }
  let end = matched < keyword.length ? from + matched + 1 : from + matched;
  while (isNameChar(src[end])) end += 1;
  const word = src.slice(from, end);
  const message = `Unrecognized XML directive '${word}'; expected 'CDATA'.`;
  return { error: { index: end - 1, message } };
}

const UNTERMINATED: Record<'comment' | 'cdata' | 'pi', string> = {
  comment: 'Unexpected end of input block in comment',
  cdata: 'Unexpected EOF in CDATA section',
  pi: 'Unexpected end of input block in processing instruction',
};

function scanUntil(
  src: string,
  from: number,
  terminator: string,
  kind: 'comment' | 'cdata' | 'pi',
): MarkupResult {
  for (let index = from; index < src.length; index += 1) {
    const ch = src[index]!;
    if (src.startsWith(terminator, index)) return { end: index + terminator.length };
    if (kind === 'comment' && ch === '-' && src[index + 1] === '-') {
      const message = "String '--' not allowed in comment (missing '>'?)";
      return { error: { index: index + 2, message } };
    }
    if (isForbiddenControl(ch.charCodeAt(0))) return { error: illegalCharacter(index, ch) };
  }
  return { error: { index: src.length - 1, message: UNTERMINATED[kind] } };
}

function scanProcessingInstruction(src: string, start: number): MarkupResult {
  const first = charAt(src, start + 2);
  if (!isNameStartChar(first) || first === ':') {
    const why = isXmlSpace(first) ? ' (missing name?)' : ' (expected a name start character)';
    return unexpected(src, start + 2, why);
  }
  const end = readName(src, start + 2);
  const target = src.slice(start + 2, end);
  if (target.toLowerCase() === 'xml') {
    const message = `Illegal processing instruction target ("${target}"); xml (case insensitive) is reserved by the specs.`;
    return { error: { index: end - 1, message } };
  }
  if (!isXmlSpace(src[end]) && !src.startsWith('?>', end)) {
    return unexpected(src, end, 'excepted either space or "?>" after PI target');
  }
  return scanUntil(src, end, '?>', 'pi');
}

/** Reads an XML name from `from` and returns the index after it. */
function readName(src: string, from: number): number {
  let index = from;
  for (;;) {
    const ch = charAt(src, index);
    if (!isNameChar(ch)) return index;
    index += ch!.length;
  }
}

/**
 * Reads a prefixed name in a start tag, Woodstox's way: a second colon ends the name, and the
 * character after a colon must start a name.
 */
function readQualifiedName(src: string, from: number): { end: number } | { error: ScanError } {
  let index = from;
  let colons = 0;
  for (;;) {
    const ch = charAt(src, index);
    if (!isNameChar(ch)) return { end: index };
    if (ch === ':') {
      if (++colons > 1) return { end: index };
      const after = charAt(src, index + 1);
      if (after === ':') return unexpected(src, index + 1, ' (missing namespace prefix?)');
      if (!isNameStartChar(after)) {
        return unexpected(src, index + 1, ' (expected a name start character)', true);
      }
    }
    index += ch!.length;
  }
}

function skipSpace(src: string, from: number): number {
  let index = from;
  while (isXmlSpace(src[index])) index += 1;
  return index;
}

function scanEndTag(src: string, start: number, stack: string[]): MarkupResult {
  if (stack.length === 0) {
    const message = "Unexpected character combination '</' in epilog (extra close tag?).";
    return { error: { index: start + 1, message } };
  }
  const first = charAt(src, start + 2);
  if (!isNameStartChar(first)) {
    const why = isXmlSpace(first) ? '; missing element name?' : '; expected an element name.';
    return unexpected(src, start + 2, why, true);
  }
  const end = readName(src, start + 2);
  const name = src.slice(start + 2, end);
  const expected = stack[stack.length - 1];
  if (name !== expected) {
    const message = `Unexpected close tag </${name}>; expected </${expected}>.`;
    return { error: { index: end - 1, message } };
  }
  const close = skipSpace(src, end);
  if (src[close] !== '>') return unexpected(src, close, " in end tag Expected '>'.");
  stack.pop();
  return { end: close + 1 };
}

function scanStartTag(src: string, start: number, stack: string[]): MarkupResult {
  const first = charAt(src, start + 1);
  if (first === ':') return unexpected(src, start + 1, ' (missing namespace prefix?)');
  if (!isNameStartChar(first)) {
    return unexpected(src, start + 1, " in content after '<' (malformed start element?).", true);
  }
  const qualified = readQualifiedName(src, start + 1);
  if ('error' in qualified) return qualified;
  const name = src.slice(start + 1, qualified.end);
  let index = qualified.end;
  for (;;) {
    const ch = src[index];
    if (ch === '>') {
      stack.push(name);
      return { end: index + 1 };
    }
    if (ch === '/') {
      if (src[index + 1] === '>') return { end: index + 2 };
      return unexpected(src, index + 1, " expected '>'");
    }
    if (!isXmlSpace(ch)) return unexpected(src, index, ' excepted space, or \'>\' or "/>"');
    index = skipSpace(src, index);
    const attrStart = charAt(src, index);
    if (attrStart === '>' || attrStart === '/') continue;
    if (attrStart === '<') {
      const message = "Unexpected '<' character in element (missing closing '>'?)";
      return { error: { index, message } };
    }
    if (attrStart === ':') return unexpected(src, index, ' (missing namespace prefix?)');
    if (!isNameStartChar(attrStart)) {
      return unexpected(src, index, ' (expected a name start character)');
    }
    const attribute = scanAttribute(src, index);
    if ('error' in attribute) return attribute;
    index = attribute.end;
  }
}

function scanAttribute(src: string, start: number): MarkupResult {
  const name = readQualifiedName(src, start);
  if ('error' in name) return name;
  let index = skipSpace(src, name.end);
  if (src[index] !== '=') return unexpected(src, index, " expected '='");
  index = skipSpace(src, index + 1);
  const quote = src[index];
  if (quote !== '"' && quote !== "'")
    return unexpected(src, index, ' in start tag Expected a quote');
  index += 1;
  for (;;) {
    const ch = src[index];
    if (ch === undefined) return { error: { index: src.length - 1, message: 'Unexpected EOF' } };
    if (ch === quote) return { end: index + 1 };
    if (ch === '<') return unexpected(src, index, ' in attribute value');
    if (ch === '&') {
      const reference = scanReference(src, index);
      if ('error' in reference) return reference;
      index = reference.end;
      continue;
    }
    if (isForbiddenControl(ch.charCodeAt(0))) return { error: illegalCharacter(index, ch) };
    index += 1;
  }
}
