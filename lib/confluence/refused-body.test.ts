import { describe, expect, it } from 'vitest';

import { ConfluenceError, confluenceErrorFromResponse } from './errors';
import { diagnosticForRefusedBody } from './refused-body';

const CLOUD_PREFIX = 'com.atlassian.confluence.api.service.exceptions.api.BadRequestException: ';
const BODY = '<h1>Q&amp;A</h1>\n<p>Done &check; see <a href="?a=1&amp;b=2">x</a></p>';
const ANSWER =
  'Error parsing xhtml: Undeclared general entity "check"\n at [row,col {unknown-source}]: [2,15]';

describe('diagnosticForRefusedBody', () => {
  it("places Confluence's answer in the body, in the engine's terms, whatever wraps it", () => {
    const fromResponse = confluenceErrorFromResponse(
      400,
      new Headers(),
      JSON.stringify({ statusCode: 400, message: CLOUD_PREFIX + ANSWER }),
    );
    // Cloud's asynchronous render reports the same text as a failed task, without a position.
    const failedTask = new ConfluenceError('invalid_storage', CLOUD_PREFIX + ANSWER);
    for (const error of [fromResponse, failedTask]) {
      const diagnostic = diagnosticForRefusedBody(error, BODY);
      expect(diagnostic).toMatchObject({ code: 'undeclared_entity', line: 2, column: 9 });
      expect(BODY.split('\n')[1]!.slice(diagnostic.column - 1, diagnostic.endColumn - 1)).toBe(
        '&check;',
      );
      expect(diagnostic.message).toMatch(/ — Confluence: Undeclared general entity "check"$/);
    }
  });

  it("places a bare parse error at the top, in Confluence's words", () => {
    const bare = confluenceErrorFromResponse(
      400,
      new Headers(),
      '{"message":"Error parsing xhtml"}',
    );
    expect(diagnosticForRefusedBody(bare, BODY)).toMatchObject({
      code: 'confluence_parse_error',
      message: 'Confluence refused the body as malformed XML but did not say where.',
      line: 1,
    });
  });

  it('shows a refusal in other words as Confluence said it, at the top', () => {
    const other = new ConfluenceError('invalid_storage', `${CLOUD_PREFIX}Macro rendering failed`);
    expect(diagnosticForRefusedBody(other, BODY)).toEqual({
      severity: 'error',
      code: 'confluence_parse_error',
      message: 'Confluence refused the request: Macro rendering failed',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    const silent = new ConfluenceError('invalid_storage', '');
    expect(diagnosticForRefusedBody(silent, BODY).message).toBe(
      'Confluence refused the request without saying why.',
    );
  });
});
