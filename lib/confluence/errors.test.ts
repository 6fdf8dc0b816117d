import { describe, expect, it } from 'vitest';

import {
  confluenceErrorFromResponse,
  parseCurrentVersion,
  parseRetryAfter,
  parseStoragePosition,
  redactRequest,
  stripJavaPrefix,
} from './errors';

const json = (value: unknown) => JSON.stringify(value);

describe('confluenceErrorFromResponse', () => {
  it('reads a Data Center 409 and the current version', () => {
    const error = confluenceErrorFromResponse(
      409,
      new Headers(),
      json({
        statusCode: 409,
        data: {
          authorized: false,
          valid: true,
          allowedInReadOnlyMode: true,
          errors: [],
          successful: false,
        },
        message: 'Version must be incremented on update. Current version is: 5',
        reason: 'Conflict',
      }),
    );
    expect(error.kind).toBe('version_conflict');
    expect(error.details.currentVersion).toBe(5);
  });

  it('reads a Cloud v2 409', () => {
    const error = confluenceErrorFromResponse(
      409,
      new Headers(),
      json({
        errors: [
          {
            status: 409,
            code: 'CONFLICT',
            title:
              'Version must be incremented when updating a page. Current Version: [6]. Provided version: [5]',
            detail: null,
          },
        ],
      }),
    );
    expect(error).toMatchObject({ kind: 'version_conflict', details: { currentVersion: 6 } });
  });

  it('maps an xhtml parse error back into the body, undoing the wrapper on line 1', () => {
    const error = confluenceErrorFromResponse(
      400,
      new Headers(),
      json({
        statusCode: 400,
        message:
          'com.atlassian.confluence.api.service.exceptions.BadRequestException: Error parsing xhtml: Unexpected close tag </xml>; expected </p>.\n at [row,col {unknown-source}]: [1,405]',
      }),
    );
    expect(error.kind).toBe('invalid_storage');
    expect(error.details.storagePosition).toEqual({
      line: 1,
      column: 45,
      parserMessage: 'Unexpected close tag </xml>; expected </p>.',
    });
  });

  it('keeps later lines as they are', () => {
    expect(
      parseStoragePosition(
        'Error parsing xhtml: Unexpected close tag </br>; expected </p>.\n at [row,col {unknown-source}]: [11,7]',
      ),
    ).toMatchObject({ line: 11, column: 7 });
    expect(parseStoragePosition('Error parsing xhtml')).toEqual({
      line: 0,
      column: 0,
      parserMessage: '',
    });
    expect(parseStoragePosition('Something else')).toBeNull();
  });

  it('recognises a title clash on Cloud and Data Center', () => {
    for (const message of [
      'A page with this title already exists: A page already exists with the title Sandbox in the space with key DEMO',
      'com.atlassian.confluence.api.service.exceptions.api.BadRequestException: A page with this title already exists: A page already exists with the same TITLE in this space',
    ]) {
      expect(
        confluenceErrorFromResponse(400, new Headers(), json({ statusCode: 400, message })).kind,
      ).toBe('title_clash');
    }
  });

  it('reads plain-text and HTML 401s', () => {
    const text = confluenceErrorFromResponse(
      401,
      new Headers(),
      'Basic authentication with passwords is deprecated.',
    );
    expect(text).toMatchObject({
      kind: 'unauthorized',
      message: 'Basic authentication with passwords is deprecated.',
    });
    const html = confluenceErrorFromResponse(
      401,
      new Headers(),
      '<html><body><h1>HTTP Status 401 – Unauthorized</h1></body></html>',
    );
    expect(html.message).toBe('HTTP Status 401 – Unauthorized');
  });

  it('carries Retry-After on 429 and marks gateway errors transient', () => {
    const limited = confluenceErrorFromResponse(429, new Headers({ 'retry-after': '7' }), '');
    expect(limited.details).toMatchObject({ retryAfterMs: 7000, transient: true });
    expect(confluenceErrorFromResponse(503, new Headers(), '').details.transient).toBe(true);
    expect(confluenceErrorFromResponse(500, new Headers(), '').details.transient).toBe(false);
    expect(confluenceErrorFromResponse(410, new Headers(), json({ message: 'gone' })).kind).toBe(
      'gone',
    );
    expect(confluenceErrorFromResponse(413, new Headers(), '').kind).toBe('too_large');
  });
});

describe('helpers', () => {
  it('parses Retry-After as seconds, HTTP date, or an absurd Long.MAX', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('9223372036854775807', now)).toBe(24 * 3600 * 1000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('parses current versions in both wordings', () => {
    expect(
      parseCurrentVersion('Version must be incremented on update. Current version is: 12'),
    ).toBe(12);
    expect(parseCurrentVersion('Current Version: [6]. Provided version: [5]')).toBe(6);
    expect(parseCurrentVersion('nothing here')).toBeUndefined();
  });

  it('strips nested Java exception prefixes', () => {
    expect(
      stripJavaPrefix(
        'com.atlassian.confluence.api.service.exceptions.ConflictException: javax.persistence.OptimisticLockException: Batch update',
      ),
    ).toBe('Batch update');
  });

  it('never keeps credentials in the request it attaches', () => {
    const request = redactRequest(
      'PUT',
      'https://user:pw@x.atlassian.net/wiki/api/v2/pages/1?access_token=abc&a=1',
      {
        Authorization: 'Basic ZGVtbzpzZWNyZXQ=',
        Cookie: 'JSESSIONID=1',
        Accept: 'application/json',
      },
    );
    const text = JSON.stringify(request);
    expect(text).not.toContain('ZGVtbzpzZWNyZXQ=');
    expect(text).not.toContain('JSESSIONID');
    expect(text).not.toContain('pw@');
    expect(text).not.toContain('abc');
    expect(request.headers.accept).toBe('application/json');
  });
});
