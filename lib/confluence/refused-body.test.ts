import { describe, expect, it } from 'vitest';

import { ConfluenceError, confluenceErrorFromResponse } from './errors';
import { diagnosticForRefusedBody } from './refused-body';

const CLOUD_PREFIX = 'com.atlassian.confluence.api.service.exceptions.api.BadRequestException: ';

describe('diagnosticForRefusedBody', () => {
  it("places Confluence's answer in the body, in the engine's terms, whatever wraps it", () => {
    const body = '<p>one</p>\n<p>a<br>b</p>';
    const expected = {
      severity: 'error',
      code: 'void_element_not_closed',
      message:
        '`<br>` must be self-closed as `<br/>`. — Confluence: Unexpected close tag </p>; expected </br>.',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 9,
    };
    const answer =
      'Error parsing xhtml: Unexpected close tag </p>; expected </br>.\n at [row,col {unknown-source}]: [2,11]';
    const fromResponse = confluenceErrorFromResponse(
      400,
      new Headers(),
      JSON.stringify({ statusCode: 400, message: CLOUD_PREFIX + answer }),
    );
    expect(fromResponse.kind).toBe('invalid_storage');
    expect(diagnosticForRefusedBody(fromResponse, body)).toEqual(expected);
    // Cloud's asynchronous render reports the same text as a failed task, without a position.
    const failedTask = new ConfluenceError('invalid_storage', CLOUD_PREFIX + answer);
    expect(diagnosticForRefusedBody(failedTask, body)).toEqual(expected);
  });

  it('falls back to a generic code at the top for a bare answer', () => {
    const bare = confluenceErrorFromResponse(
      400,
      new Headers(),
      JSON.stringify({ message: 'Error parsing xhtml' }),
    );
    expect(diagnosticForRefusedBody(bare, '<p>x</p>')).toEqual({
      severity: 'error',
      code: 'confluence_parse_error',
      message: 'Confluence refused the body as malformed XML but did not say where.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  });

  it("shows a refusal in other words as Confluence's own, at the top", () => {
    const top = { severity: 'error', code: 'confluence_parse_error', line: 1, column: 1 };
    expect(
      diagnosticForRefusedBody(
        new ConfluenceError('invalid_storage', `${CLOUD_PREFIX}Macro rendering failed`),
        '<p>x</p>',
      ),
    ).toEqual({
      ...top,
      message: 'Confluence refused the request: Macro rendering failed',
      endLine: 1,
      endColumn: 1,
    });
    expect(
      diagnosticForRefusedBody(new ConfluenceError('invalid_storage', ''), '<p>x</p>'),
    ).toEqual({
      ...top,
      message: 'Confluence refused the request without saying why.',
      endLine: 1,
      endColumn: 1,
    });
  });
});
