import { HTML_VOID_ELEMENTS } from '../element-kinds';
import { createPositionMapper } from '../positions';
import type { ConfluenceParseError, Diagnostic, ParseResult, StorageNode } from '../types';
import { isForbiddenControl, isNameChar, isNameStart, isWhitespace } from './char-classes';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';
import {
  ParsedCData,
  ParsedComment,
  ParsedElement,
  ParsedProcessingInstruction,
  ParsedText,
} from './nodes';
import { readReference } from './references';
import { controlCharacterAdvice, scanQName, scanStartTag, splitQName } from './start-tag';
import { checkNamespacesAndDuplicates, type NamespaceScope } from './namespaces';

interface Frame {
  element: ParsedElement;
  /** Prefixes this element declares with `xmlns:x`, if any (rare in storage format). */
  scope: NamespaceScope | null;
}

interface PendingDiagnostic {
  code: string;
  message: string;
  start: number;
  end: number;
}

const LT = 60;

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
 */
export class StorageParser implements ErrorSink {
  private readonly source: string;
  private readonly length: number;
  private readonly root: StorageNode[] = [];
  private readonly stack: Frame[] = [];
  private readonly pending: PendingDiagnostic[] = [];
  private confluence: { message: string; offset: number } | null = null;
  private readonly alreadyReported = new WeakSet<ParsedElement>();

  constructor(source: string) {
    this.source = source;
    this.length = source.length;
  }

  error(
    code: string,
    plain: string,
    start: number,
    end: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void {
    this.pending.push({ code, message: `${plain} — Confluence: ${confluenceMessage}`, start, end });
    // Woodstox stops at its first complaint, and we scan in its order: the first one is Confluence's.
    this.confluence ??= { message: confluenceMessage, offset: confluenceOffset };
  }

  parse(): ParseResult {
    const { source, length } = this;
    let pos = 0;
    while (pos < length) {
      pos = source.charCodeAt(pos) === LT ? this.markup(pos) : this.text(pos);
    }
    this.closeAllAtEnd();
    return this.result();
  }

  /** Where new nodes go: the open element's children, or the top level. */
  private children: StorageNode[] = this.root;

  private push(frame: Frame): void {
    this.stack.push(frame);
    this.children = frame.element.children;
  }

  private pop(): Frame {
    const frame = this.stack.pop()!;
    const top = this.stack[this.stack.length - 1];
    this.children = top ? top.element.children : this.root;
    return frame;
  }

  private text(start: number): number {
    const { source, length } = this;
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
        const reference = readReference(source, i, this);
        parts.push(reference.text);
        i = segment = reference.next;
        continue;
      }
      if (code === 93 /* ] */ && source.startsWith(']]>', i)) {
        this.error(
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
        else if (isForbiddenControl(code)) this.illegalCharacter(i, code);
      }
      i++;
    }
    let value = parts
      ? (parts.push(source.slice(segment, i)), parts.join(''))
      : source.slice(start, i);
    if (hasCarriageReturn) value = value.replace(/\r\n?/g, '\n');
    this.children.push(new ParsedText(value, start, i));
    return i;
  }

  private illegalCharacter(offset: number, code: number): void {
    this.error(
      'illegal_character',
      controlCharacterAdvice(code),
      offset,
      offset + 1,
      woodstox.illegalChar(code),
      offset,
    );
  }

  /** Reports C0 controls in `[start, end)`; tells whether a `\r` needs line-end normalising. */
  private checkControlCharacters(start: number, end: number): boolean {
    let hasCarriageReturn = false;
    for (let i = start; i < end; i++) {
      const code = this.source.charCodeAt(i);
      if (code < 32) {
        if (code === 13) hasCarriageReturn = true;
        else if (isForbiddenControl(code)) this.illegalCharacter(i, code);
      }
    }
    return hasCarriageReturn;
  }

  private markup(lt: number): number {
    const { source } = this;
    const next = lt + 1 < this.length ? source.charCodeAt(lt + 1) : LT;
    if (next === 47 /* / */) return this.endTag(lt);
    if (next === 33 /* ! */) {
      if (source.startsWith('<!--', lt)) return this.comment(lt);
      if (source.startsWith('<![CDATA[', lt)) return this.cdata(lt);
      return this.directive(lt);
    }
    if (next === 63 /* ? */) return this.processingInstruction(lt);
    if (isNameStart(next)) return this.startTag(lt);
    this.error(
      'lt_not_markup',
      'A literal `<` must be written `&lt;`.',
      lt,
      lt + 1,
      woodstox.ltInContent(next),
      lt + 1,
    );
    this.children.push(new ParsedText('<', lt, lt + 1));
    return lt + 1;
  }

  private startTag(lt: number): number {
    const tag = scanStartTag(this.source, lt, this);
    if (tag.abandoned) {
      const end = Math.max(tag.end, lt + 1);
      this.children.push(new ParsedText(this.source.slice(lt, end), lt, end));
      return end;
    }
    const errorsBefore = this.pending.length;
    const scope = checkNamespacesAndDuplicates(tag, lt, this.stack, this);
    const element = new ParsedElement(tag.name, tag.attributes, tag.selfClosing, lt, tag.end);
    this.children.push(element);
    // `<h:m>` meant as text: its missing close tag is the same mistake, not a second one.
    if (this.pending.length > errorsBefore) this.alreadyReported.add(element);
    if (!tag.selfClosing) this.push({ element, scope });
    return tag.end;
  }

  private endTag(lt: number): number {
    const { source } = this;
    const top = this.stack[this.stack.length - 1];
    // Fast path, nearly every close tag: `</name>` matching the open element.
    if (top) {
      const topName = top.element.name;
      const gt = lt + 2 + topName.length;
      if (source.charCodeAt(gt) === 62 && source.startsWith(topName, lt + 2)) {
        this.pop();
        this.finish(top.element, lt, gt + 1);
        return gt + 1;
      }
    }
    // Woodstox reads a close tag's name greedily, colons and all (`</ri:>` is reported as such).
    let nameEnd = lt + 2;
    while (nameEnd < this.length) {
      const code = source.charCodeAt(nameEnd);
      if (!isNameChar(code) && code !== 58) break;
      nameEnd++;
    }
    if (!isNameStart(source.charCodeAt(lt + 2))) nameEnd = lt + 2;
    const name = source.slice(lt + 2, nameEnd);
    let p = nameEnd;
    while (p < this.length && isWhitespace(source.charCodeAt(p))) p++;
    const closed = p < this.length && source.charCodeAt(p) === 62;
    const end = closed ? p + 1 : nameEnd;
    if (!name) {
      this.error(
        'lt_not_markup',
        '`</` must be followed by the name of the element to close; for text write `&lt;/`.',
        lt,
        lt + 2,
        woodstox.missingElementName(lt + 2 < this.length ? source.charCodeAt(lt + 2) : LT),
        lt + 2,
      );
      this.children.push(new ParsedText('</', lt, lt + 2));
      return lt + 2;
    }
    const nameOffset = nameEnd - 1;
    if (top && top.element.name === name) {
      this.pop();
      this.finish(top.element, lt, end);
    } else {
      const expected = top ? top.element.name : 'xml';
      const confluenceMessage = woodstox.unexpectedCloseTag(name, expected);
      let depth = this.stack.length - 1;
      while (depth >= 0 && this.stack[depth]!.element.name !== name) depth--;
      if (depth >= 0) {
        while (this.stack.length - 1 > depth) {
          this.closeUnclosed(this.pop().element, name, lt, confluenceMessage, nameOffset);
        }
        this.finish(this.pop().element, lt, end);
      } else {
        this.strayCloseTag(name, expected, lt, end, confluenceMessage, nameOffset);
      }
    }
    if (!closed) {
      this.error(
        'malformed_tag',
        `The close tag \`</${name}\` must end with \`>\`.`,
        lt,
        nameEnd,
        woodstox.expectedGtInEndTag(p < this.length ? source.charCodeAt(p) : LT),
        p,
      );
    }
    return end;
  }

  private finish(element: ParsedElement, closeStart: number, closeEnd: number): void {
    element.closeStart = closeStart;
    element.end = closeEnd;
  }

  private strayCloseTag(
    name: string,
    expected: string,
    start: number,
    end: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void {
    const plain =
      name === 'br'
        ? '`</br>` is not a line break: write `<br/>`.'
        : `\`</${name}>\` closes nothing: no \`<${name}>\` is open here${expected === 'xml' ? '' : ` (the open element is \`<${expected}>\`)`}. Remove it or add the missing \`<${name}>\`.`;
    this.error('stray_close_tag', plain, start, end, confluenceMessage, confluenceOffset);
  }

  /**
   * An element left open when its parent (or the body) ends. Void HTML elements and empty
   * Confluence elements get the precise advice; their children really belong to the parent.
   */
  private closeUnclosed(
    element: ParsedElement,
    closer: string,
    closeStart: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void {
    const { name } = element;
    const isVoid = element.prefix === null && HTML_VOID_ELEMENTS.has(name);
    const isEmptyKind = element.prefix === 'ri' || name === 'ac:emoticon';
    let code = 'unclosed_element';
    let plain =
      closer === 'xml'
        ? `\`<${name}>\` is never closed: add \`</${name}>\` where it ends.`
        : `\`<${name}>\` is not closed before \`</${closer}>\`: add \`</${name}>\`.`;
    if (isVoid) {
      code = 'void_element_not_closed';
      plain = `\`<${name}>\` must be self-closed as \`<${name}/>\`.`;
    } else if (isEmptyKind) {
      code = 'element_not_self_closed';
      plain = `\`<${name}>\` has no closing tag: write it self-closed as \`<${name} …/>\`.`;
    }
    if (this.alreadyReported.has(element)) {
      this.confluence ??= { message: confluenceMessage, offset: confluenceOffset };
    } else {
      this.error(
        code,
        plain,
        element.openTag.start,
        element.openTag.end,
        confluenceMessage,
        confluenceOffset,
      );
    }
    if (isVoid || isEmptyKind) {
      const adopted = element.children;
      element.children = [];
      element.end = element.openEnd;
      for (const child of adopted) this.children.push(child);
    } else {
      element.end = closeStart;
    }
  }

  private closeAllAtEnd(): void {
    // Confluence's own `</xml>` follows the body: Woodstox stops at its `l`.
    const offset = this.length + 4;
    while (this.stack.length > 0) {
      const frame = this.pop();
      const message = woodstox.unexpectedCloseTag('xml', frame.element.name);
      this.closeUnclosed(frame.element, 'xml', this.length, message, offset);
    }
  }

  private comment(lt: number): number {
    const { source } = this;
    let search = lt + 4;
    let reported = false;
    for (;;) {
      const dashes = source.indexOf('--', search);
      if (dashes < 0) {
        if (!reported) {
          this.error(
            'unterminated_comment',
            'This comment is never closed: add `-->`.',
            lt,
            lt + 4,
            woodstox.commentEof,
            this.length + 5,
          );
        }
        return this.pushComment(lt, this.length, this.length);
      }
      if (source.charCodeAt(dashes + 2) === 62) return this.pushComment(lt, dashes, dashes + 3);
      if (!reported) {
        reported = true;
        this.error(
          'comment_double_hyphen',
          '`--` is not allowed inside a comment.',
          dashes,
          dashes + 2,
          woodstox.commentDoubleHyphen,
          dashes + 2,
        );
      }
      search = dashes + 1;
    }
  }

  private pushComment(lt: number, valueEnd: number, end: number): number {
    this.checkControlCharacters(lt + 4, valueEnd);
    const value = this.source.slice(lt + 4, valueEnd);
    this.children.push(new ParsedComment(value, lt, end));
    return end;
  }

  private cdata(lt: number): number {
    const { source } = this;
    const valueStart = lt + 9;
    let close = source.indexOf(']]>', valueStart);
    if (close < 0) {
      this.error(
        'unterminated_cdata',
        'This CDATA section is never closed: add `]]>`.',
        lt,
        valueStart,
        woodstox.cdataEof,
        this.length + 5,
      );
      close = this.length;
    }
    const hasCarriageReturn = this.checkControlCharacters(valueStart, close);
    let value = source.slice(valueStart, close);
    if (hasCarriageReturn) value = value.replace(/\r\n?/g, '\n');
    const end = Math.min(close + 3, this.length);
    this.children.push(new ParsedCData(value, lt, end));
    return end;
  }

  private directive(lt: number): number {
    const { source } = this;
    const isDoctype = source.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE';
    // Skip to the directive's own `>`, past an internal subset `[ … ]` and quoted strings.
    let p = lt + 2;
    let depth = 0;
    let quote = 0;
    for (; p < this.length; p++) {
      const code = source.charCodeAt(p);
      if (quote) {
        if (code === quote) quote = 0;
      } else if (code === 34 || code === 39) quote = code;
      else if (code === 91) depth++;
      else if (code === 93) depth--;
      else if (code === 62 && depth <= 0) break;
    }
    const end = Math.min(p + 1, this.length);
    this.error(
      isDoctype ? 'doctype_not_allowed' : 'directive_not_allowed',
      isDoctype
        ? 'A page body cannot contain `<!DOCTYPE>`: send only what is inside `<body>`.'
        : 'Only comments (`<!-- -->`) and CDATA sections may start with `<!` in a page body.',
      lt,
      end,
      ...this.directiveComplaint(lt),
    );
    return end;
  }

  /** Woodstox words `<![…` (a CDATA section gone wrong) differently from other `<!` directives. */
  private directiveComplaint(lt: number): [string, number] {
    const { source } = this;
    if (source.startsWith('<![', lt)) {
      // Woodstox compares with `CDATA[` character by character; at the first difference it
      // quotes what it read so far, the odd character, and any name characters after it.
      const expected = 'CDATA[';
      let p = lt + 3;
      let i = 0;
      while (i < expected.length && p < this.length && source[p] === expected[i]) {
        p++;
        i++;
      }
      if (i === expected.length - 1 && (p >= this.length || source[p] === '<')) {
        return [woodstox.cdataMissingBracket, lt + 8];
      }
      p++;
      while (p < this.length && isNameChar(source.charCodeAt(p))) p++;
      const word = source.slice(lt + 3, Math.min(p, this.length)) + (p > this.length ? '<' : '');
      return [woodstox.cdataDirective(word), lt + 2 + word.length];
    }
    const dash = source.charCodeAt(lt + 2) === 45;
    return [woodstox.directive, dash ? lt + 3 : lt + 2];
  }

  private processingInstruction(lt: number): number {
    const { source } = this;
    const targetEnd = scanQName(source, lt + 2);
    const target = source.slice(lt + 2, targetEnd);
    const close = source.indexOf('?>', targetEnd);
    const end = close < 0 ? this.length : close + 2;
    if (!target) {
      const code = lt + 2 < this.length ? source.charCodeAt(lt + 2) : LT;
      this.error(
        'lt_not_markup',
        '`<?` must start a processing instruction; for text write `&lt;?`.',
        lt,
        lt + 2,
        isWhitespace(code) ? woodstox.missingName(code) : woodstox.expectedNameStart(code),
        lt + 2,
      );
      this.children.push(new ParsedText('<?', lt, lt + 2));
      return lt + 2;
    }
    if (target.toLowerCase() === 'xml') {
      this.error(
        'xml_declaration_not_allowed',
        'A page body cannot contain an XML declaration (`<?xml …?>`): remove it.',
        lt,
        end,
        woodstox.xmlTarget(target),
        targetEnd - 1,
      );
      return end;
    }
    const afterTarget = targetEnd < this.length ? source.charCodeAt(targetEnd) : LT;
    if (!isWhitespace(afterTarget) && !source.startsWith('?>', targetEnd)) {
      this.error(
        'malformed_processing_instruction',
        `The processing instruction \`<?${target}\` needs a space or \`?>\` after its name.`,
        lt,
        targetEnd,
        woodstox.piTargetEnd(afterTarget),
        targetEnd,
      );
    } else if (close < 0) {
      this.error(
        'unterminated_processing_instruction',
        'This processing instruction is never closed: add `?>`.',
        lt,
        targetEnd,
        woodstox.piEof,
        this.length + 5,
      );
    }
    this.checkControlCharacters(targetEnd, close < 0 ? this.length : close);
    const data = source.slice(targetEnd, close < 0 ? this.length : close).trimStart();
    this.children.push(new ParsedProcessingInstruction(target, data, lt, end));
    return end;
  }

  private result(): ParseResult {
    const positions = createPositionMapper(this.source);
    const diagnostics: Diagnostic[] = this.pending
      .sort((a, b) => a.start - b.start)
      .map(({ code, message, start, end }) => {
        const from = positions.lineColumnAt(start);
        const to = positions.lineColumnAt(Math.max(end, start + 1));
        return {
          severity: 'error',
          code,
          message,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
        };
      });
    let confluenceError: ConfluenceParseError | null = null;
    if (this.confluence) {
      const at = positions.lineColumnAt(this.confluence.offset);
      confluenceError = { ...this.confluence, line: at.line, column: at.column };
    }
    return {
      document: { type: 'document', children: this.root, span: { start: 0, end: this.length } },
      diagnostics,
      confluenceError,
      positions,
    };
  }
}

export { splitQName };
