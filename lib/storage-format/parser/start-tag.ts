import type { AttributeNode } from '../types';
import { internName, ParsedAttribute } from './nodes';
import { isForbiddenControl, isNameChar, isNameStart, isWhitespace } from './char-classes';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';
import { readReference } from './references';

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;

export interface ScannedStartTag {
  name: string;
  prefix: string | null;
  attributes: AttributeNode[];
  selfClosing: boolean;
  /** Offset just after the tag's `>` (or where the broken tag was given up). */
  end: number;
  /** The tag is too broken to be an element: treat `<`…`end` as text (nothing is lost). */
  abandoned: boolean;
}

function codeAt(source: string, offset: number): number {
  return offset < source.length ? source.charCodeAt(offset) : LT;
}

/** Reads an XML name with at most one colon; returns the offset after it. */
export function scanQName(source: string, start: number): number {
  let p = start;
  while (p < source.length && isNameChar(source.charCodeAt(p))) p++;
  if (codeAt(source, p) === COLON && p > start && isNameStart(codeAt(source, p + 1))) {
    p++;
    while (p < source.length && isNameChar(source.charCodeAt(p))) p++;
  }
  return p;
}

export function splitQName(name: string): { prefix: string | null; localName: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: null, localName: name }
    : { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

/**
 * Scans a start tag at `lt` (which holds `<`, followed by a name start) the way Woodstox does,
 * reporting each mistake it would reject and recovering so later mistakes are found too. The
 * namespace and duplicate-attribute checks happen in the parser, which knows the scope.
 */
export function scanStartTag(source: string, lt: number, sink: ErrorSink): ScannedStartTag {
  const nameEnd = scanQName(source, lt + 1);
  const name = internName(source.slice(lt + 1, nameEnd));
  const attributes: AttributeNode[] = [];
  let p = nameEnd;
  if (danglingColon(source, nameEnd, sink, lt)) return result0(name, attributes, nameEnd + 1);
  let selfClosing = false;
  const result = (end: number, abandoned = false): ScannedStartTag =>
    makeTag(name, attributes, selfClosing, end, abandoned);

  for (;;) {
    const beforeSpace = p;
    while (p < source.length && isWhitespace(source.charCodeAt(p))) p++;
    const code = codeAt(source, p);
    if (code === GT && p < source.length) return result(p + 1);
    if (code === SLASH) {
      selfClosing = true;
      if (codeAt(source, p + 1) === GT && p + 1 < source.length) return result(p + 2);
      const next = codeAt(source, p + 1);
      sink.error(
        'malformed_tag',
        `\`<${name}\` must end with \`/>\` or \`>\`.`,
        lt,
        p + 1,
        woodstox.expectedGt(next),
        p + 1,
      );
      return result(p + 1);
    }
    if (code === LT && p > beforeSpace) {
      sink.error(
        'unterminated_tag',
        `The tag \`<${name}\` has no closing \`>\`.`,
        lt,
        p,
        woodstox.ltInElement,
        p,
      );
      return result(p, p >= source.length || attributes.length === 0);
    }
    if (p >= source.length) {
      sink.error(
        'unterminated_tag',
        `The tag \`<${name}\` is cut off: it has no closing \`>\`.`,
        lt,
        source.length,
        woodstox.expectedSpaceOrEnd(LT),
        p,
      );
      return result(source.length, true);
    }
    if (isForbiddenControl(code)) {
      sink.error(
        'illegal_character',
        controlCharacterAdvice(code),
        p,
        p + 1,
        woodstox.illegalChar(code),
        p,
      );
      p++;
      continue;
    }
    if (!isNameStart(code)) {
      // After whitespace Woodstox expects an attribute name; right after a name or value, a space.
      const afterSpace = p > beforeSpace;
      sink.error(
        attributes.length === 0 ? 'lt_not_markup' : 'malformed_tag',
        attributes.length === 0
          ? `\`<${name}${String.fromCharCode(code)}\` is not a tag. If \`<\` is meant as text, write \`&lt;\`.`
          : `Unexpected \`${String.fromCharCode(code)}\` in the tag \`<${name}>\`.`,
        attributes.length === 0 ? lt : p,
        p + 1,
        !afterSpace
          ? woodstox.expectedSpaceOrEnd(code)
          : code === COLON
            ? woodstox.missingNamespacePrefix(code)
            : woodstox.expectedNameStart(code),
        p,
      );
      if (attributes.length === 0) return result(lt + 1, true);
      p++;
      continue;
    }
    if (p === beforeSpace) {
      sink.error(
        'missing_attribute_space',
        'Attributes must be separated by a space.',
        p,
        p + 1,
        woodstox.expectedSpaceOrEnd(code),
        p,
      );
    }
    p = scanAttribute(source, p, name, attributes, sink);
  }
}

export function controlCharacterAdvice(code: number): string {
  return `Control character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML: remove it.`;
}

/** `<ac:>` or `ac:="…"`: a prefix with nothing after the colon. */
function danglingColon(source: string, nameEnd: number, sink: ErrorSink, start: number): boolean {
  if (codeAt(source, nameEnd) !== COLON || nameEnd >= source.length) return false;
  const after = codeAt(source, nameEnd + 1);
  if (isNameStart(after)) return false;
  sink.error(
    'malformed_tag',
    `\`${source.slice(start, nameEnd + 1).replace(/^</, '')}\` needs a name after the colon.`,
    start,
    nameEnd + 1,
    after === COLON ? woodstox.missingNamespacePrefix(after) : woodstox.expectedNameStart(after),
    nameEnd + 1,
  );
  return true;
}

function result0(name: string, attributes: AttributeNode[], end: number): ScannedStartTag {
  return makeTag(name, attributes, false, end, true);
}

function makeTag(
  name: string,
  attributes: AttributeNode[],
  selfClosing: boolean,
  end: number,
  abandoned: boolean,
): ScannedStartTag {
  const colon = name.indexOf(':');
  return {
    name,
    prefix: colon < 0 ? null : name.slice(0, colon),
    attributes,
    selfClosing,
    end,
    abandoned,
  };
}

function scanAttribute(
  source: string,
  start: number,
  element: string,
  attributes: AttributeNode[],
  sink: ErrorSink,
): number {
  const nameEnd = scanQName(source, start);
  const name = internName(source.slice(start, nameEnd));
  let p = nameEnd;
  if (danglingColon(source, nameEnd, sink, start)) {
    attributes.push(new ParsedAttribute(name, '', start, nameEnd + 1, nameEnd + 1, nameEnd + 1));
    return nameEnd + 1;
  }
  while (p < source.length && isWhitespace(source.charCodeAt(p))) p++;
  const afterName = codeAt(source, p);
  if (isForbiddenControl(afterName) && p < source.length) {
    sink.error(
      'illegal_character',
      controlCharacterAdvice(afterName),
      p,
      p + 1,
      woodstox.illegalChar(afterName),
      p,
    );
  } else if (afterName !== EQUALS || p >= source.length) {
    sink.error(
      'attribute_without_value',
      `Attribute \`${name}\` has no value. XML needs \`${name}="…"\` (for a flag: \`${name}="${name}"\`).`,
      start,
      nameEnd,
      woodstox.expectedEquals(codeAt(source, p)),
      p,
    );
  }
  if (afterName !== EQUALS || p >= source.length) {
    attributes.push(new ParsedAttribute(name, '', start, nameEnd, nameEnd, nameEnd));
    return nameEnd;
  }
  p++;
  while (p < source.length && isWhitespace(source.charCodeAt(p))) p++;
  const quote = codeAt(source, p);
  if ((quote !== QUOTE && quote !== APOS) || p >= source.length) {
    return scanUnquotedValue(source, start, name, p, attributes, sink);
  }
  const valueStart = p + 1;
  // Built only when the value needs rewriting (references, normalised whitespace): most don't.
  let parts: string[] | null = null;
  let segment = valueStart;
  let q = valueStart;
  while (q < source.length) {
    const code = source.charCodeAt(q);
    if (code === quote) break;
    if (code === LT) {
      sink.error(
        'lt_in_attribute_value',
        `\`<\` is not allowed in the value of \`${name}\`: write \`&lt;\`.`,
        q,
        q + 1,
        woodstox.ltInAttribute,
        q,
      );
    } else if (code === 38 /* & */) {
      parts ??= [];
      parts.push(source.slice(segment, q));
      const reference = readReference(source, q, sink);
      parts.push(reference.text);
      q = reference.next;
      segment = q;
      continue;
    } else if (isForbiddenControl(code)) {
      sink.error(
        'illegal_character',
        controlCharacterAdvice(code),
        q,
        q + 1,
        woodstox.illegalChar(code),
        q,
      );
    } else if (code === 9 || code === 10 || code === 13) {
      // XML attribute-value normalisation: each whitespace character becomes a space.
      parts ??= [];
      parts.push(source.slice(segment, q), ' ');
      if (code === 13 && source.charCodeAt(q + 1) === 10) q++;
      segment = q + 1;
    }
    q++;
  }
  if (q >= source.length) {
    sink.error(
      'unterminated_attribute_value',
      `The value of \`${name}\` is never closed: add the closing quote.`,
      p,
      source.length,
      woodstox.ltInAttribute,
      source.length,
    );
  }
  const value = parts
    ? (parts.push(source.slice(segment, q)), parts.join(''))
    : source.slice(valueStart, q);
  const end = Math.min(q + 1, source.length);
  attributes.push(new ParsedAttribute(name, value, start, end, valueStart, q));
  return end;
}

/** HTML-style `a=b`: reported, then read up to whitespace or the end of the tag. */
function scanUnquotedValue(
  source: string,
  start: number,
  name: string,
  valueStart: number,
  attributes: AttributeNode[],
  sink: ErrorSink,
): number {
  let q = valueStart;
  while (q < source.length) {
    const code = source.charCodeAt(q);
    if (isWhitespace(code) || code === GT || code === LT) break;
    if (code === SLASH && codeAt(source, q + 1) === GT) break;
    q++;
  }
  sink.error(
    'unquoted_attribute',
    `The value of \`${name}\` must be in quotes: \`${name}="${source.slice(valueStart, q)}"\`.`,
    start,
    Math.max(q, valueStart + 1),
    woodstox.expectedQuote(codeAt(source, valueStart)),
    valueStart,
  );
  attributes.push(new ParsedAttribute(name, source.slice(valueStart, q), start, q, valueStart, q));
  return q;
}
