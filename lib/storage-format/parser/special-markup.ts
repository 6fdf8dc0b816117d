import type { StorageNode } from '../types';
import { isNameChar, isWhitespace } from './char-classes';
import { normaliseLineEnds, reportControlCharacters } from './control-characters';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';
import { ParsedCData, ParsedComment, ParsedProcessingInstruction, ParsedText } from './nodes';
import { scanQName } from './start-tag';

/*
 * The markup that is not an element: comments, CDATA sections, `<!` directives (a DOCTYPE is
 * not allowed in a body) and processing instructions. Each scanner starts at the `<`, appends
 * what it read to `out`, reports what Confluence would reject, and returns the offset after it.
 */

/** Where the scanners put what they read: the parser's open element. */
export interface NodeSink {
  add(node: StorageNode): void;
}

/** Past the end, Woodstox reads Confluence's closing `</xml>`: its first character is `<`. */
const LT = 60;

export function scanComment(source: string, lt: number, sink: ErrorSink, out: NodeSink): number {
  const length = source.length;
  let search = lt + 4;
  let reported = false;
  for (;;) {
    const dashes = source.indexOf('--', search);
    if (dashes < 0) {
      if (!reported) {
        sink.error(
          'unterminated_comment',
          'This comment is never closed: add `-->`.',
          lt,
          lt + 4,
          woodstox.commentEof,
          length + 5,
        );
      }
      return pushComment(source, lt, length, length, sink, out);
    }
    if (source.charCodeAt(dashes + 2) === 62) {
      return pushComment(source, lt, dashes, dashes + 3, sink, out);
    }
    if (!reported) {
      reported = true;
      sink.error(
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

function pushComment(
  source: string,
  lt: number,
  valueEnd: number,
  end: number,
  sink: ErrorSink,
  out: NodeSink,
): number {
  reportControlCharacters(source, lt + 4, valueEnd, sink);
  out.add(new ParsedComment(source.slice(lt + 4, valueEnd), lt, end));
  return end;
}

export function scanCData(source: string, lt: number, sink: ErrorSink, out: NodeSink): number {
  const length = source.length;
  const valueStart = lt + 9;
  let close = source.indexOf(']]>', valueStart);
  if (close < 0) {
    sink.error(
      'unterminated_cdata',
      'This CDATA section is never closed: add `]]>`.',
      lt,
      valueStart,
      woodstox.cdataEof,
      length + 5,
    );
    close = length;
  }
  const hasCarriageReturn = reportControlCharacters(source, valueStart, close, sink);
  let value = source.slice(valueStart, close);
  if (hasCarriageReturn) value = normaliseLineEnds(value);
  const end = Math.min(close + 3, length);
  out.add(new ParsedCData(value, lt, end));
  return end;
}

/** `<!DOCTYPE …>` or another `<!` directive: always an error in a body; skipped whole. */
export function scanDirective(source: string, lt: number, sink: ErrorSink): number {
  const length = source.length;
  const isDoctype = source.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE';
  // Skip to the directive's own `>`, past an internal subset `[ … ]` and quoted strings.
  let p = lt + 2;
  let depth = 0;
  let quote = 0;
  for (; p < length; p++) {
    const code = source.charCodeAt(p);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 91) depth++;
    else if (code === 93) depth--;
    else if (code === 62 && depth <= 0) break;
  }
  const end = Math.min(p + 1, length);
  const [confluenceMessage, confluenceOffset] = directiveComplaint(source, lt);
  sink.error(
    isDoctype ? 'doctype_not_allowed' : 'directive_not_allowed',
    isDoctype
      ? 'A page body cannot contain `<!DOCTYPE>`: send only what is inside `<body>`.'
      : 'Only comments (`<!-- -->`) and CDATA sections may start with `<!` in a page body.',
    lt,
    end,
    confluenceMessage,
    confluenceOffset,
  );
  return end;
}

/** Woodstox words `<![…` (a CDATA section gone wrong) differently from other `<!` directives. */
function directiveComplaint(source: string, lt: number): [string, number] {
  const length = source.length;
  if (source.startsWith('<![', lt)) {
    // Woodstox compares with `CDATA[` character by character; at the first difference it
    // quotes what it read so far, the odd character, and any name characters after it.
    const expected = 'CDATA[';
    let p = lt + 3;
    let i = 0;
    while (i < expected.length && p < length && source[p] === expected[i]) {
      p++;
      i++;
    }
    if (i === expected.length - 1 && (p >= length || source[p] === '<')) {
      return [woodstox.cdataMissingBracket, lt + 8];
    }
    p++;
    while (p < length && isNameChar(source.charCodeAt(p))) p++;
    const word = source.slice(lt + 3, Math.min(p, length)) + (p > length ? '<' : '');
    return [woodstox.cdataDirective(word), lt + 2 + word.length];
  }
  const dash = source.charCodeAt(lt + 2) === 45;
  return [woodstox.directive, dash ? lt + 3 : lt + 2];
}

export function scanProcessingInstruction(
  source: string,
  lt: number,
  sink: ErrorSink,
  out: NodeSink,
): number {
  const length = source.length;
  const targetEnd = scanQName(source, lt + 2);
  const target = source.slice(lt + 2, targetEnd);
  const close = source.indexOf('?>', targetEnd);
  const end = close < 0 ? length : close + 2;
  if (!target) {
    const code = lt + 2 < length ? source.charCodeAt(lt + 2) : LT;
    sink.error(
      'lt_not_markup',
      '`<?` must start a processing instruction; for text write `&lt;?`.',
      lt,
      lt + 2,
      isWhitespace(code) ? woodstox.missingName(code) : woodstox.expectedNameStart(code),
      lt + 2,
    );
    out.add(new ParsedText('<?', lt, lt + 2));
    return lt + 2;
  }
  if (target.toLowerCase() === 'xml') {
    sink.error(
      'xml_declaration_not_allowed',
      'A page body cannot contain an XML declaration (`<?xml …?>`): remove it.',
      lt,
      end,
      woodstox.xmlTarget(target),
      targetEnd - 1,
    );
    return end;
  }
  const afterTarget = targetEnd < length ? source.charCodeAt(targetEnd) : LT;
  if (!isWhitespace(afterTarget) && !source.startsWith('?>', targetEnd)) {
    sink.error(
      'malformed_processing_instruction',
      `The processing instruction \`<?${target}\` needs a space or \`?>\` after its name.`,
      lt,
      targetEnd,
      woodstox.piTargetEnd(afterTarget),
      targetEnd,
    );
  } else if (close < 0) {
    sink.error(
      'unterminated_processing_instruction',
      'This processing instruction is never closed: add `?>`.',
      lt,
      targetEnd,
      woodstox.piEof,
      length + 5,
    );
  }
  const dataEnd = close < 0 ? length : close;
  reportControlCharacters(source, targetEnd, dataEnd, sink);
  const data = source.slice(targetEnd, dataEnd).trimStart();
  out.add(new ParsedProcessingInstruction(target, data, lt, end));
  return end;
}
