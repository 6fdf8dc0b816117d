import type { AttributeNode } from '../types';
import * as nodes from './nodes';
import * as charClasses from './char-classes';
import { controlCharacterAdvice } from './control-characters';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';
import { readReference } from './references';

/*
 * Module-level copies of what the scanner calls several times per tag. Run as CommonJS (tsx: the
 * bench, scripts) every use of an imported binding goes through an export getter, and copying
 * them once made parsing about a fifth faster there; bundlers resolve them statically anyway.
 * (No import cycle reaches this module, so the copies are never taken too early.)
 */
const { isForbiddenControl, isNameStart, isWhitespace, skipNameChars, skipWhitespace } =
  charClasses;
const { nameAt, ParsedAttribute } = nodes;

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;

/** Attribute-less tags (most of them) share one frozen empty list, like childless elements. */
export const NO_ATTRIBUTES: AttributeNode[] = Object.freeze([]) as unknown as AttributeNode[];

/**
 * What {@link scanStartTag} found. The parser keeps one and has it refilled for every tag, so a
 * page of 100,000 tags does not leave 100,000 of these for the garbage collector.
 */
export class ScannedStartTag {
  name = '';
  prefix: string | null = null;
  /** Set by {@link finish}: an exactly sized list, or the shared empty one. */
  attributes: AttributeNode[] = NO_ATTRIBUTES;
  selfClosing = false;
  /** Offset just after the tag's `>` (or where the broken tag was given up). */
  end = 0;
  /** The tag is too broken to be an element: treat `<`…`end` as text (nothing is lost). */
  abandoned = false;
  /** Attributes read so far; collected in a reused list and copied out once. */
  attributeCount = 0;
  private readonly scratch: AttributeNode[] = [];

  start(name: string): void {
    this.name = name;
    this.prefix = prefixOf(name);
    this.selfClosing = false;
    this.attributeCount = 0;
  }

  addAttribute(attribute: AttributeNode): void {
    this.scratch[this.attributeCount++] = attribute;
  }

  /** Records where the tag ended; the scanner's single exit. */
  finish(end: number, abandoned = false): ScannedStartTag {
    this.end = end;
    this.abandoned = abandoned;
    this.attributes =
      this.attributeCount === 0 ? NO_ATTRIBUTES : this.scratch.slice(0, this.attributeCount);
    return this;
  }
}

function codeAt(source: string, offset: number): number {
  return offset < source.length ? source.charCodeAt(offset) : LT;
}

/** Reads an XML name with at most one colon; returns the offset after it. */
export function scanQName(source: string, start: number): number {
  let p = skipNameChars(source, start);
  if (codeAt(source, p) === COLON && p > start && isNameStart(codeAt(source, p + 1))) {
    p = skipNameChars(source, p + 1);
  }
  return p;
}

/** The prefix of a qualified name; `ac` and `ri` (nearly all of them) without a new string. */
export function prefixOf(name: string): string | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  if (colon === 2) {
    if (name.charCodeAt(0) === 97 && name.charCodeAt(1) === 99) return 'ac';
    if (name.charCodeAt(0) === 114 && name.charCodeAt(1) === 105) return 'ri';
  }
  return name.slice(0, colon);
}

/**
 * Scans a start tag at `lt` (which holds `<`, followed by a name start) the way Woodstox does,
 * reporting each mistake it would reject and recovering so later mistakes are found too. The
 * namespace and duplicate-attribute checks happen in the parser, which knows the scope. The
 * result is written into `tag` (reused across calls) and returned.
 */
export function scanStartTag(
  source: string,
  lt: number,
  sink: ErrorSink,
  tag: ScannedStartTag,
): ScannedStartTag {
  const nameEnd = scanQName(source, lt + 1);
  const name = nameAt(source, lt + 1, nameEnd);
  tag.start(name);
  let p = nameEnd;
  if (danglingColon(source, nameEnd, sink, lt)) return tag.finish(nameEnd + 1, true);
  const length = source.length;

  for (;;) {
    const beforeSpace = p;
    p = skipWhitespace(source, p);
    const code = codeAt(source, p);
    if (code === GT && p < length) return tag.finish(p + 1);
    if (code === SLASH) {
      tag.selfClosing = true;
      if (codeAt(source, p + 1) === GT && p + 1 < length) return tag.finish(p + 2);
      const next = codeAt(source, p + 1);
      sink.error(
        'malformed_tag',
        `\`<${name}\` must end with \`/>\` or \`>\`.`,
        lt,
        p + 1,
        woodstox.expectedGt(next),
        p + 1,
      );
      return tag.finish(p + 1);
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
      return tag.finish(p, p >= length || tag.attributeCount === 0);
    }
    if (p >= length) {
      sink.error(
        'unterminated_tag',
        `The tag \`<${name}\` is cut off: it has no closing \`>\`.`,
        lt,
        length,
        woodstox.expectedSpaceOrEnd(LT),
        p,
      );
      return tag.finish(length, true);
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
    const attributeCount = tag.attributeCount;
    if (!isNameStart(code)) {
      // After whitespace Woodstox expects an attribute name; right after a name or value, a space.
      const afterSpace = p > beforeSpace;
      sink.error(
        attributeCount === 0 ? 'lt_not_markup' : 'malformed_tag',
        attributeCount === 0
          ? `\`<${name}${String.fromCharCode(code)}\` is not a tag. If \`<\` is meant as text, write \`&lt;\`.`
          : `Unexpected \`${String.fromCharCode(code)}\` in the tag \`<${name}>\`.`,
        attributeCount === 0 ? lt : p,
        p + 1,
        !afterSpace
          ? woodstox.expectedSpaceOrEnd(code)
          : code === COLON
            ? woodstox.missingNamespacePrefix(code)
            : woodstox.expectedNameStart(code),
        p,
      );
      if (attributeCount === 0) return tag.finish(lt + 1, true);
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
    p = scanAttribute(source, p, tag, sink);
  }
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

function scanAttribute(
  source: string,
  start: number,
  tag: ScannedStartTag,
  sink: ErrorSink,
): number {
  const nameEnd = scanQName(source, start);
  const name = nameAt(source, start, nameEnd);
  if (danglingColon(source, nameEnd, sink, start)) {
    tag.addAttribute(new ParsedAttribute(name, '', start, nameEnd + 1, nameEnd + 1, nameEnd + 1));
    return nameEnd + 1;
  }
  let p = skipWhitespace(source, nameEnd);
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
    tag.addAttribute(new ParsedAttribute(name, '', start, nameEnd, nameEnd, nameEnd));
    return nameEnd;
  }
  p = skipWhitespace(source, p + 1);
  const quote = codeAt(source, p);
  if ((quote !== QUOTE && quote !== APOS) || p >= source.length) {
    return scanUnquotedValue(source, start, name, p, tag, sink);
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
    } else if (code < 32) {
      if (code === 9 || code === 10 || code === 13) {
        // XML attribute-value normalisation: each whitespace character becomes a space.
        parts ??= [];
        parts.push(source.slice(segment, q), ' ');
        if (code === 13 && source.charCodeAt(q + 1) === 10) q++;
        segment = q + 1;
      } else {
        sink.error(
          'illegal_character',
          controlCharacterAdvice(code),
          q,
          q + 1,
          woodstox.illegalChar(code),
          q,
        );
      }
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
  tag.addAttribute(new ParsedAttribute(name, value, start, end, valueStart, q));
  return end;
}

/** HTML-style `a=b`: reported, then read up to whitespace or the end of the tag. */
function scanUnquotedValue(
  source: string,
  start: number,
  name: string,
  valueStart: number,
  tag: ScannedStartTag,
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
  tag.addAttribute(new ParsedAttribute(name, source.slice(valueStart, q), start, q, valueStart, q));
  return q;
}
