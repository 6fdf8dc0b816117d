import { HTML_VOID_ELEMENTS } from './element-kinds';
import { parseStorage } from './parse';
import type { Diagnostic, PositionMapper } from './types';

/**
 * Confluence's "Error parsing xhtml" answer (docs/confluence-api.md §2.3) as a diagnostic of the
 * body it refused: the engine's own diagnostic for the same mistake when the engine sees it (its
 * code, so the editor's quick fixes apply, and its range), else plain words for Woodstox's message
 * at Confluence's position. The message always keeps Confluence's own words.
 */

/** Where Confluence's XHTML parser stopped, in the body's coordinates, and what it said. */
export interface StoragePosition {
  /** 0 when Confluence did not say where. */
  line: number;
  column: number;
  /** Woodstox's words, without Confluence's prefixes and the `[row,col]` suffix. */
  parserMessage: string;
}

interface ParserMessageCause {
  pattern: RegExp;
  /** Gets the pattern's match: `[whole, group1, …]`. */
  cause: (match: ReadonlyArray<string | undefined>) => string;
}

/** Woodstox's messages as Confluence relays them (parser/messages.ts has the full wording). */
const PARSER_MESSAGE_CAUSES: readonly ParserMessageCause[] = [
  {
    pattern: /^Unexpected close tag <\/([^>]+)>; expected <\/([^>]+)>\./,
    // Confluence wraps the body in `<xml>…</xml>`: `</xml>` is the end of the body.
    cause: ([, closing, expected]) =>
      expected === 'xml'
        ? `\`</${closing}>\` closes nothing: no \`<${closing}>\` is open there.`
        : HTML_VOID_ELEMENTS.has(expected!)
          ? `\`<${expected}>\` is written the HTML way; storage format is XML, where it must be self-closed as \`<${expected}/>\`.`
          : closing === 'xml'
            ? `\`<${expected}>\` is never closed: the body ends first.`
            : `\`<${expected}>\` is still open where \`</${closing}>\` closes its parent: a close tag is missing or the tags cross.`,
  },
  {
    pattern: /^Unexpected EOF; was expecting a close tag for element <([^>]+)>/,
    cause: ([, name]) => `\`<${name}>\` is never closed: the body ends first.`,
  },
  {
    pattern: /^String '\]\]>' not allowed in textual content/,
    cause: () =>
      '`]]>` appears in text. In a code block this usually means the code itself contains `]]>`, which ended its CDATA section early.',
  },
  {
    pattern: /^Undeclared general entity "([^"]+)"/,
    cause: ([, name]) =>
      `\`&${name};\` is not an entity Confluence knows: it accepts only the XHTML 1.0 names (HTML5 names such as \`&check;\` are refused).`,
  },
  {
    pattern: /expected a semi-colon after the reference for entity '([^']+)'/,
    cause: ([, name]) =>
      `A bare \`&\` (followed by \`${name}\`) starts an entity reference in XML — typically an unescaped \`&\` in a link's query string or in text.`,
  },
  {
    pattern: /excepted space, or '>' or "\/>"/,
    cause: () =>
      'A start tag is malformed: attributes must be separated by spaces, quoted, and the tag must end with `>` or `/>`.',
  },
  {
    pattern: /in start tag Expected a quote/,
    cause: () => 'An attribute value is not quoted: XML needs `name="value"`.',
  },
  {
    pattern: /expected '='/,
    cause: () => 'An attribute has no value (HTML allows `<td nowrap>`, XML does not).',
  },
  {
    pattern: /^Unexpected character '<' \(code 60\) in attribute value/,
    cause: () => 'An attribute value contains `<`, which XML does not allow there.',
  },
  {
    pattern:
      /in content after '<' \(malformed start element\?\)|\(missing name\?\)|expected a name start character/,
    cause: () =>
      'A `<` in text is read as the start of a tag (e.g. `a < b` or `List<String>` outside a code block).',
  },
  {
    pattern: /^Duplicate attribute '([^']+)'/,
    cause: ([, name]) => `The attribute \`${name}\` appears twice on one element.`,
  },
  {
    pattern: /^Undeclared namespace prefix "([^"]+)"/,
    cause: ([, prefix]) =>
      `\`${prefix}:\` is not a namespace Confluence declares (only \`ac:\` and \`ri:\` are): often a typo or markup copied from Word.`,
  },
  {
    pattern: /^Illegal character|^Invalid character reference|^Illegal character entity/,
    cause: () =>
      'The body contains a control character (or a reference to one) that XML forbids — usually invisible, pasted from another program.',
  },
  {
    pattern: /^Unrecognized XML directive/,
    cause: () =>
      'A `<!DOCTYPE>` or other `<!…>` directive is in the body; storage format allows only comments and CDATA there.',
  },
  {
    pattern: /^String '--' not allowed in comment|in comment$/,
    cause: () => 'An HTML comment contains `--` or is never closed.',
  },
  {
    pattern: /processing instruction|PI target/,
    cause: () => 'A `<?…?>` processing instruction (e.g. an XML declaration) is in the body.',
  },
  {
    pattern: /^Illegal to have multiple roots/,
    cause: () => 'Content follows the end of the body (a close tag too many near the end).',
  },
];

const UNRECOGNISED_CAUSE = 'Confluence could not read the body as XML.';
const UNPLACED_CAUSE = 'Confluence refused the body as malformed XML but did not say where.';

/** The separator between the engine's own words and the Woodstox message it quotes. */
const QUOTE_MARK = ' — Confluence: ';

/** The engine's plain words for a diagnostic: its message without the quoted Woodstox text. */
export function plainMessage(message: string): string {
  const at = message.indexOf(QUOTE_MARK);
  return at === -1 ? message : message.slice(0, at);
}

function causeOf(parserMessage: string): string {
  if (parserMessage === '') return UNPLACED_CAUSE;
  for (const { pattern, cause } of PARSER_MESSAGE_CAUSES) {
    const found = pattern.exec(parserMessage);
    if (found) return cause(found);
  }
  return UNRECOGNISED_CAUSE;
}

/** The engine diagnostic that is the same mistake Confluence reported, if the engine saw it. */
function matchingDiagnostic(
  diagnostics: readonly Diagnostic[],
  positions: PositionMapper,
  at: StoragePosition,
): Diagnostic | null {
  if (!at.parserMessage) return null;
  const candidates = diagnostics.filter((d) =>
    d.message.endsWith(`Confluence: ${at.parserMessage}`),
  );
  if (candidates.length === 0) return null;
  // Woodstox notices a mistake at or after it (an open `<br>` at the next close tag): take the
  // last candidate that starts at or before the reported place.
  const reported = at.line > 0 ? offsetOnLine(positions, at) : Number.POSITIVE_INFINITY;
  let best: Diagnostic | null = null;
  for (const candidate of candidates) {
    if (positions.offsetAt(candidate.line, candidate.column) <= reported) best = candidate;
  }
  return best ?? candidates[0]!;
}

/**
 * Confluence's position as an offset, kept on its line: the body may have changed since
 * Confluence answered, and a column past the end of the line means its end, not the next line.
 */
function offsetOnLine(positions: PositionMapper, at: StoragePosition): number {
  const end = positions.offsetAt(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (at.line > positions.lineCount) return end;
  const start = positions.offsetAt(at.line, 1);
  const lineEnd = at.line < positions.lineCount ? positions.offsetAt(at.line + 1, 1) - 1 : end;
  return Math.min(start + Math.max(at.column - 1, 0), lineEnd);
}

/** A one-character range at Confluence's position, inside the body; the top when it gave none. */
function pointRange(positions: PositionMapper, at: StoragePosition) {
  if (at.line <= 0) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const { line, column } = positions.lineColumnAt(offsetOnLine(positions, at));
  return { line, column, endLine: line, endColumn: column + 1 };
}

/**
 * Confluence's parse error `at` as a diagnostic of `source`, the body it refused: the engine's
 * code and range when it recognises the mistake, else `confluence_parse_error` at Confluence's
 * position.
 */
export function diagnosticForConfluenceParseError(at: StoragePosition, source: string): Diagnostic {
  const { diagnostics, positions } = parseStorage(source);
  const quoted = at.parserMessage ? `${QUOTE_MARK}${at.parserMessage}` : '';
  const same = matchingDiagnostic(diagnostics, positions, at);
  if (same) {
    const { line, column, endLine, endColumn, code } = same;
    const message = `${plainMessage(same.message)}${quoted}`;
    return { severity: 'error', code, message, line, column, endLine, endColumn };
  }
  return {
    severity: 'error',
    code: 'confluence_parse_error',
    message: `${causeOf(at.parserMessage)}${quoted}`,
    ...pointRange(positions, at),
  };
}
