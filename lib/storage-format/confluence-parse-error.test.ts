import { describe, expect, it } from 'vitest';

import {
  diagnosticForConfluenceParseError,
  plainMessage,
  type StoragePosition,
} from './confluence-parse-error';
import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import { mutate } from './testing/mutations';

/** What Confluence's parser says about `body`, where, in the body's coordinates. */
function confluenceAnswer(body: string): StoragePosition {
  const error = parseStorage(body).confluenceError;
  if (!error) throw new Error('the body is valid');
  return { line: error.line, column: error.column, parserMessage: error.message };
}

describe("diagnosticForConfluenceParseError: the engine's diagnostic for Confluence's refusal", () => {
  it("is the engine diagnostic for the same mistake, in Confluence's words, on every broken body", () => {
    const bodies = [...readCorpus('invalid'), ...readCorpus('edge-cases')].map(({ body }) => body);
    readCorpus('valid').forEach(({ body }, index) => {
      for (const mutation of mutate(body, 10, index + 1)) bodies.push(mutation.body);
    });
    let refused = 0;
    for (const body of bodies) {
      const parsed = parseStorage(body);
      if (!parsed.confluenceError) continue;
      refused++;
      const at = confluenceAnswer(body);
      const diagnostic = diagnosticForConfluenceParseError(at, body);
      const own = parsed.diagnostics.filter(
        (d) => d.code === diagnostic.code && d.line === diagnostic.line,
      );
      expect(
        own.map(({ column, endLine, endColumn }) => ({ column, endLine, endColumn })),
        body,
      ).toContainEqual({
        column: diagnostic.column,
        endLine: diagnostic.endLine,
        endColumn: diagnostic.endColumn,
      });
      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.message.endsWith(` — Confluence: ${at.parserMessage}`), body).toBe(true);
      expect(plainMessage(diagnostic.message)).not.toContain('Confluence:');
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('places a mistake Confluence notices later (at the next close tag) where it is', () => {
    const body = '<p>one</p>\n<p>a<br>b</p>';
    expect(confluenceAnswer(body)).toMatchObject({ line: 2, column: 12 });
    expect(diagnosticForConfluenceParseError(confluenceAnswer(body), body)).toMatchObject({
      code: 'void_element_not_closed',
      line: 2,
      column: 5,
      endColumn: 9,
    });
  });

  it("falls back to Confluence's position when the engine does not see the same error", () => {
    const at = {
      line: 2,
      column: 4,
      parserMessage: "Unexpected character '[' (code 91) excepted space, or '>' or \"/>\"",
    };
    // The body was edited since the answer: the engine finds nothing, the place is Confluence's.
    expect(diagnosticForConfluenceParseError(at, '<p>ok</p>\n<p>fine</p>')).toEqual({
      severity: 'error',
      code: 'confluence_parse_error',
      message: `A start tag is malformed: attributes must be separated by spaces, quoted, and the tag must end with \`>\` or \`/>\`. — Confluence: ${at.parserMessage}`,
      line: 2,
      column: 4,
      endLine: 2,
      endColumn: 5,
    });
    // The body that caused it: the engine's range (the whole broken tag) wins.
    expect(diagnosticForConfluenceParseError(at, '<p>ok</p>\n<p[x]>y</p>')).toMatchObject({
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 4,
    });
  });

  it('falls back to a generic code at the top when Confluence did not say where', () => {
    expect(
      diagnosticForConfluenceParseError({ line: 0, column: 0, parserMessage: '' }, '<p>x</p>'),
    ).toEqual({
      severity: 'error',
      code: 'confluence_parse_error',
      message: 'Confluence refused the body as malformed XML but did not say where.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  });

  it("words every Woodstox message it knows (docs/confluence-api.md §2.3), and the rest as Confluence's own", () => {
    // On a body without that error the engine has nothing to match, so the catalogue answers.
    const causes: Record<string, string> = {
      'Unexpected close tag </br>; expected </p>.': '`<p>` is still open where `</br>`',
      'Unexpected close tag </p>; expected </br>.': 'must be self-closed as `<br/>`',
      'Unexpected close tag </p>; expected </xml>.': '`</p>` closes nothing',
      'Unexpected close tag </xml>; expected </p>.': '`<p>` is never closed',
      'Unexpected EOF; was expecting a close tag for element <ac:parameter>':
        '`<ac:parameter>` is never closed',
      "String ']]>' not allowed in textual content, except as the end marker of CDATA section":
        '`]]>` appears in text',
      'Undeclared general entity "check"': '`&check;` is not an entity Confluence knows',
      "Unexpected character '=' (code 61); expected a semi-colon after the reference for entity 'b'":
        'A bare `&` (followed by `b`)',
      "Unexpected character '[' (code 91) excepted space, or '>' or \"/>\"":
        'A start tag is malformed',
      "Unexpected character 'x' (code 120) in start tag Expected a quote":
        'An attribute value is not quoted',
      "Unexpected character '>' (code 62); expected '='": 'An attribute has no value',
      "Unexpected character '<' (code 60) in attribute value": 'An attribute value contains `<`',
      "Unexpected character ' ' (code 32) in content after '<' (malformed start element?).":
        'A `<` in text is read as the start of a tag',
      "Duplicate attribute 'a'.": 'The attribute `a` appears twice',
      'Undeclared namespace prefix "o"': '`o:` is not a namespace Confluence declares',
      'Illegal character ((CTRL-CHAR, code 1))': 'a control character',
      'Unrecognized XML directive; expected CDATA or comment': '`<!DOCTYPE>`',
      "String '--' not allowed in comment (missing '>'?)": 'An HTML comment contains `--`',
      "Unexpected character 'x' (code 120); expected '?>' after processing instruction":
        'processing instruction',
      'Illegal to have multiple roots (start tag in epilog?).': 'Content follows the end',
      'Something new': 'Confluence could not read the body as XML.',
    };
    for (const [parserMessage, cause] of Object.entries(causes)) {
      const diagnostic = diagnosticForConfluenceParseError(
        { line: 1, column: 1, parserMessage },
        '<p>ok</p>',
      );
      expect(diagnostic.code, parserMessage).toBe('confluence_parse_error');
      expect(plainMessage(diagnostic.message), parserMessage).toContain(cause);
      expect(diagnostic.message, parserMessage).toContain(` — Confluence: ${parserMessage}`);
    }
  });
});
