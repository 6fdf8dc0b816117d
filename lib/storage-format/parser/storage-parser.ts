import type { ParseResult, StorageNode } from '../types';
import * as charClasses from './char-classes';
import { strayCloseAdvice, unclosedAdvice } from './close-advice';
import { normaliseLineEnds, reportIllegalCharacter } from './control-characters';
import { type ConfluenceComplaint, ErrorCollector, type PendingError } from './error-collector';
import { woodstox } from './messages';
import * as namespaces from './namespaces';
import type { NamespaceScope } from './namespaces';
import * as nodes from './nodes';
import { buildParseResult } from './parse-result';
import * as references from './references';
import {
  type NodeSink,
  scanCData,
  scanComment,
  scanDirective,
  scanProcessingInstruction,
} from './special-markup';
import * as startTags from './start-tag';

// Module-level copies of what runs per node: see the note in start-tag.ts.
const { isNameStart, skipNameChars, skipWhitespace } = charClasses;
const { checkNamespacesAndDuplicates } = namespaces;
const { ParsedElement, ParsedText } = nodes;
type ParsedElement = nodes.ParsedElement;
const { readReference } = references;
const { ScannedStartTag, scanStartTag } = startTags;

const LT = 60;

/**
 * A run of top-level nodes between two points where the parse is at depth 0 (no element open):
 * what the parse does after such a point depends only on the text after it, so the incremental
 * parse re-parses from one and reuses what follows another.
 */
export interface ParsedBlock {
  start: number;
  end: number;
  nodes: StorageNode[];
  /** Errors found while parsing the block, in the order found. */
  errors: PendingError[];
  /** The first thing Confluence would complain about in this block, if anything. */
  confluence: ConfluenceComplaint | null;
  /** Just past the furthest character its errors were about (ErrorCollector `reach`), else 0. */
  errorsReach: number;
  /** Whether the nesting limit was reported by the end of this block (it is reported once). */
  tooDeepReportedAfter: boolean;
}

/**
 * How deep elements may nest in a body. Confluence's parser (Woodstox 6) refuses a document
 * nested deeper than 1000 elements, and the body sits inside Confluence's own `<xml>` wrapper:
 * 999 levels of the body are accepted, a 1000th is refused. Real pages stay under ~30 levels.
 * Past the limit the tree is kept flat (see `pop`), so every stage that walks the tree
 * recursively (checks, format, canonical form, preview) meets at most this depth, whatever the
 * body: a 100,000-level body costs no more stack than a 999-level one.
 */
export const MAX_ELEMENT_DEPTH = 999;
/** The diagnostic code of an element past MAX_ELEMENT_DEPTH. */
export const NESTING_TOO_DEEP = 'nesting_too_deep';

/**
 * A single-pass, position-keeping parser with Confluence's semantics: the body is read as if it
 * sat inside Confluence's `<xml>` wrapper (ac:/ri: declared, XHTML 1.0 entities known) by a strict
 * XML parser. Unlike Woodstox it does not stop at the first mistake: it recovers (closing what was
 * left open, keeping broken markup as text) so every independent error is reported at once and
 * the tree stays usable for preview and formatting.
 *
 * Hand-written rather than built on saxes: recovery, Woodstox's exact wording and the column of
 * each complaint are the point of this module, and a tokenizer that stops or words things its
 * own way would need more glue than the scanner itself.
 *
 * This module is the main loop: text, element tags and the stack of open elements. Other markup
 * is in special-markup.ts, tag scanning in start-tag.ts, the wording of close-tag mistakes in
 * close-advice.ts. It runs for every character of big pages, so it allocates only what ends up
 * in the tree.
 */
export class StorageParser implements NodeSink {
  private readonly source: string;
  private readonly length: number;
  private errors = new ErrorCollector();
  /**
   * The open elements, innermost last; at the same index, the prefixes each declares (if any)
   * and where its children start in `nodes`.
   */
  private readonly open: ParsedElement[] = [];
  private readonly scopes: (NamespaceScope | null)[] = [];
  private readonly marks: number[] = [];
  /**
   * Nodes of the top level and of every open element, in document order; an element's run is
   * copied out into an exactly sized list when it closes. (Growing one list per element by
   * `push` would leave most of them with room for 17 children: on a big page that is most of
   * the tree's memory, and the garbage collector copies all of it.) `nodeCount` is the live
   * length: the array itself is never shrunk, so it does not reallocate as depth changes.
   */
  private readonly nodes: StorageNode[] = [];
  private nodeCount = 0;
  /** Refilled for every start tag. */
  private readonly tag = new ScannedStartTag();
  /** Elements whose missing close tag is part of a mistake already reported at their start. */
  private alreadyReported: WeakSet<ParsedElement> | null = null;
  /** The nesting limit is reported once, at the first element past it. */
  private tooDeepReported = false;

  constructor(source: string) {
    this.source = source;
    this.length = source.length;
  }

  parse(): ParseResult {
    const { source, length } = this;
    let pos = 0;
    while (pos < length) {
      pos = source.charCodeAt(pos) === LT ? this.markup(pos) : this.text(pos);
    }
    this.closeAllAtEnd();
    return buildParseResult(source, this.nodes.slice(0, this.nodeCount), this.errors);
  }

  /**
   * Parses from `from`, a point where a parse of the whole text is at depth 0 (with the nesting
   * limit already reported or not), handing each block to `onBlock` as it ends; stops when
   * `onBlock` returns false. The result equals the whole parse's from that point on.
   */
  parseBlocks(
    from: number,
    tooDeepReported: boolean,
    onBlock: (block: ParsedBlock) => boolean,
  ): void {
    const { source, length } = this;
    this.tooDeepReported = tooDeepReported;
    let pos = from;
    let blockStart = from;
    while (pos < length) {
      pos = source.charCodeAt(pos) === LT ? this.markup(pos) : this.text(pos);
      if (this.open.length === 0) {
        if (!onBlock(this.takeBlock(blockStart, pos))) return;
        blockStart = pos;
      }
    }
    this.closeAllAtEnd();
    if (this.nodeCount > 0 || this.errors.count > 0) onBlock(this.takeBlock(blockStart, length));
  }

  private takeBlock(start: number, end: number): ParsedBlock {
    const errors = this.errors;
    const block: ParsedBlock = {
      start,
      end,
      nodes: this.nodes.slice(0, this.nodeCount),
      errors: errors.pending,
      confluence: errors.confluence,
      errorsReach: errors.reach,
      tooDeepReportedAfter: this.tooDeepReported,
    };
    this.nodeCount = 0;
    this.errors = new ErrorCollector();
    return block;
  }

  /** Appends a node to the open element (or the top level). */
  add(node: StorageNode): void {
    this.nodes[this.nodeCount++] = node;
  }

  private push(element: ParsedElement, scope: NamespaceScope | null): void {
    this.open.push(element);
    this.scopes.push(scope);
    this.marks.push(this.nodeCount);
  }

  /**
   * Closes the innermost open element, handing it the nodes added since it opened. Past the
   * nesting limit an element keeps no children: they stay with its parent, so the tree never
   * grows deeper than MAX_ELEMENT_DEPTH + 1 (the body has an error then).
   */
  private pop(): ParsedElement {
    if (this.open.length > MAX_ELEMENT_DEPTH) return this.popEmpty();
    const element = this.open.pop()!;
    this.scopes.pop();
    const mark = this.marks.pop()!;
    element.children = this.nodes.slice(mark, this.nodeCount);
    this.nodeCount = mark;
    return element;
  }

  /**
   * Closes the innermost open element as empty: what was added since it opened stays with its
   * parent.
   */
  private popEmpty(): ParsedElement {
    const element = this.open.pop()!;
    this.scopes.pop();
    this.marks.pop();
    element.children = [];
    return element;
  }

  private text(start: number): number {
    const { source, length, errors } = this;
    let parts: string[] | null = null;
    let segment = start;
    let hasCarriageReturn = false;
    let i = start;
    while (i < length) {
      const code = source.charCodeAt(i);
      if (code === LT) break;
      if (code === 38 /* & */) {
        parts ??= [];
        parts.push(source.slice(segment, i));
        const reference = readReference(source, i, errors);
        parts.push(reference.text);
        i = segment = reference.next;
        continue;
      }
      if (code === 93 /* ] */ && source.startsWith(']]>', i)) {
        errors.error(
          'cdata_end_in_text',
          '`]]>` is not allowed in text: write `]]&gt;`. Inside code, a CDATA section ends at the first `]]>`: split it as `]]]]><![CDATA[>`.',
          i,
          i + 3,
          woodstox.cdataEndInText,
          i + 2,
        );
        i += 3;
        continue;
      }
      if (code < 32) {
        if (code === 13) hasCarriageReturn = true;
        else if (code !== 9 && code !== 10) reportIllegalCharacter(errors, i, code);
      }
      i++;
    }
    let value = parts
      ? (parts.push(source.slice(segment, i)), parts.join(''))
      : source.slice(start, i);
    if (hasCarriageReturn) value = normaliseLineEnds(value);
    this.add(new ParsedText(value, start, i));
    return i;
  }

  private markup(lt: number): number {
    const { source, errors } = this;
    const next = lt + 1 < this.length ? source.charCodeAt(lt + 1) : LT;
    if (next === 47 /* / */) return this.endTag(lt);
    if (next === 33 /* ! */) {
      if (source.startsWith('<!--', lt)) return scanComment(source, lt, errors, this);
      if (source.startsWith('<![CDATA[', lt)) return scanCData(source, lt, errors, this);
      return scanDirective(source, lt, errors);
    }
    if (next === 63 /* ? */) return scanProcessingInstruction(source, lt, errors, this);
    if (isNameStart(next)) return this.startTag(lt);
    errors.error(
      'lt_not_markup',
      'A literal `<` must be written `&lt;`.',
      lt,
      lt + 1,
      woodstox.ltInContent(next),
      lt + 1,
    );
    this.add(new ParsedText('<', lt, lt + 1));
    return lt + 1;
  }

  private startTag(lt: number): number {
    const { errors } = this;
    const tooDeep = this.open.length >= MAX_ELEMENT_DEPTH && !this.tooDeepReported;
    // Woodstox counts the element before reading its tag: the limit is its first complaint.
    if (tooDeep) errors.noteConfluence(woodstox.maxElementDepth, lt);
    const tag = scanStartTag(this.source, lt, errors, this.tag);
    if (tooDeep) {
      this.tooDeepReported = true;
      errors.error(
        NESTING_TOO_DEEP,
        `Elements are nested deeper than ${MAX_ELEMENT_DEPTH} levels, the most Confluence accepts: move this content to a shallower level.`,
        lt,
        Math.max(tag.end, lt + 1),
        woodstox.maxElementDepth,
        lt,
      );
    }
    if (tag.abandoned) {
      const end = Math.max(tag.end, lt + 1);
      this.add(new ParsedText(this.source.slice(lt, end), lt, end));
      return end;
    }
    const errorsBefore = errors.count;
    const scope = checkNamespacesAndDuplicates(tag, lt, this.scopes, errors);
    const element = new ParsedElement(
      tag.name,
      tag.prefix,
      tag.attributes,
      tag.selfClosing,
      lt,
      tag.end,
    );
    this.add(element);
    // `<h:m>` meant as text: its missing close tag is the same mistake, not a second one.
    if (errors.count > errorsBefore) (this.alreadyReported ??= new WeakSet()).add(element);
    if (!tag.selfClosing) this.push(element, scope);
    return tag.end;
  }

  private endTag(lt: number): number {
    const { source, length, errors } = this;
    const depth = this.open.length;
    const top = depth > 0 ? this.open[depth - 1]! : undefined;
    // Fast path, nearly every close tag: `</name>` matching the open element.
    if (top) {
      const topName = top.name;
      const gt = lt + 2 + topName.length;
      if (source.charCodeAt(gt) === 62 && source.startsWith(topName, lt + 2)) {
        this.pop();
        top.closeStart = lt;
        top.end = gt + 1;
        return gt + 1;
      }
    }
    // Woodstox reads a close tag's name greedily, colons and all (`</ri:>` is reported as such).
    let nameEnd = lt + 2;
    if (isNameStart(source.charCodeAt(lt + 2))) {
      for (;;) {
        nameEnd = skipNameChars(source, nameEnd);
        if (nameEnd < length && source.charCodeAt(nameEnd) === 58 /* : */) nameEnd++;
        else break;
      }
    }
    const name = source.slice(lt + 2, nameEnd);
    const p = skipWhitespace(source, nameEnd);
    const closed = p < length && source.charCodeAt(p) === 62;
    const end = closed ? p + 1 : nameEnd;
    if (!name) {
      errors.error(
        'lt_not_markup',
        '`</` must be followed by the name of the element to close; for text write `&lt;/`.',
        lt,
        lt + 2,
        woodstox.missingElementName(lt + 2 < length ? source.charCodeAt(lt + 2) : LT),
        lt + 2,
      );
      this.add(new ParsedText('</', lt, lt + 2));
      return lt + 2;
    }
    this.closeElementNamed(name, lt, end, nameEnd - 1);
    if (!closed) {
      errors.error(
        'malformed_tag',
        `The close tag \`</${name}\` must end with \`>\`.`,
        lt,
        nameEnd,
        woodstox.expectedGtInEndTag(p < length ? source.charCodeAt(p) : LT),
        p,
      );
    }
    return end;
  }

  /**
   * `</name>` at `[start, end)`: closes the innermost open `<name>`, and everything opened inside
   * it that was left open; with no such element open, the close tag is stray.
   */
  private closeElementNamed(name: string, start: number, end: number, nameOffset: number): void {
    const { open } = this;
    const top = open.length > 0 ? open[open.length - 1]! : undefined;
    if (top && top.name === name) {
      this.pop();
      top.closeStart = start;
      top.end = end;
      return;
    }
    const expected = top ? top.name : 'xml';
    const confluenceMessage = woodstox.unexpectedCloseTag(name, expected);
    let depth = open.length - 1;
    while (depth >= 0 && open[depth]!.name !== name) depth--;
    if (depth < 0) {
      const plain = strayCloseAdvice(name, expected);
      this.errors.error('stray_close_tag', plain, start, end, confluenceMessage, nameOffset);
      return;
    }
    while (open.length - 1 > depth) {
      this.closeUnclosed(name, start, confluenceMessage, nameOffset);
    }
    const element = this.pop();
    element.closeStart = start;
    element.end = end;
  }

  /**
   * The innermost open element is left open when its parent (or the body) ends at `closeStart`:
   * reported, then closed there.
   */
  private closeUnclosed(
    closer: string,
    closeStart: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void {
    const element = this.open[this.open.length - 1]!;
    const advice = unclosedAdvice(element, closer);
    if (this.alreadyReported?.has(element)) {
      this.errors.noteConfluence(confluenceMessage, confluenceOffset);
    } else {
      this.errors.error(
        advice.code,
        advice.plain,
        element.start,
        element.openEnd,
        confluenceMessage,
        confluenceOffset,
      );
    }
    if (advice.empty) {
      // Its content really belongs to the parent.
      this.popEmpty();
      element.end = element.openEnd;
    } else {
      this.pop();
      element.end = closeStart;
    }
  }

  private closeAllAtEnd(): void {
    // Confluence's own `</xml>` follows the body: Woodstox stops at its `l`.
    const offset = this.length + 4;
    while (this.open.length > 0) {
      const message = woodstox.unexpectedCloseTag('xml', this.open[this.open.length - 1]!.name);
      this.closeUnclosed('xml', this.length, message, offset);
    }
  }
}
