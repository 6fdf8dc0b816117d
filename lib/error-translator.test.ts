import { describe, expect, it } from 'vitest';

import {
  applyFix,
  diagnosticForConfluenceParseError,
  suggestFreeTitle,
  translateConfluenceError,
  translateDiagnostic,
} from './error-translator';
import { parseStorage } from './storage-format/parse';
import { readCorpus } from './storage-format/testing/corpus';
import { validateStorage } from './storage-format/validate';

const CLOUD_PREFIX = 'com.atlassian.confluence.api.service.exceptions.api.BadRequestException: ';

/** What Confluence answers for `body`, word for word (line 1 columns include its wrapper). */
function confluenceAnswer(body: string): string {
  const error = parseStorage(body).confluenceError;
  if (!error) throw new Error('the body is valid');
  const column = error.line === 1 ? error.column + 360 : error.column;
  return `Error parsing xhtml: ${error.message}\n at [row,col {unknown-source}]: [${error.line},${column}]`;
}

describe('translateConfluenceError: storage-format parse errors, with range and fix', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // [body, entry, engine code, text at the range, body after the first fix]
    [
      '<p>one</p>\n<p>a<br>b</p>',
      'xhtml_unexpected_close_tag',
      'void_element_not_closed',
      '<br>',
      '<p>one</p>\n<p>a<br/>b</p>',
    ],
    [
      '<p>a &check; b</p>',
      'xhtml_undeclared_entity',
      'undeclared_entity',
      '&check;',
      '<p>a &#10003; b</p>',
    ],
    [
      '<p><a href="?a=1&b=2">x</a></p>',
      'xhtml_missing_semicolon',
      'entity_missing_semicolon',
      '&b',
      '<p><a href="?a=1&amp;b=2">x</a></p>',
    ],
    ['<p>a < b</p>', 'xhtml_lt_not_markup', 'lt_not_markup', '<', '<p>a &lt; b</p>'],
    [
      '<table><tr><td nowrap>x</td></tr></table>',
      'xhtml_attribute_without_value',
      'attribute_without_value',
      'nowrap',
      '<table><tr><td nowrap="nowrap">x</td></tr></table>',
    ],
    [
      '<p class=x>y</p>',
      'xhtml_unquoted_attribute',
      'unquoted_attribute',
      'class=x',
      '<p class="x">y</p>',
    ],
    [
      '<p a="1" a="2">x</p>',
      'xhtml_duplicate_attribute',
      'duplicate_attribute',
      'a="2"',
      '<p a="1">x</p>',
    ],
    ['<p>a ]]> b</p>', 'xhtml_cdata_end_in_text', 'cdata_end_in_text', ']]>', '<p>a ]]&gt; b</p>'],
    [
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x = a[b[0]]]]> 1]]></ac:plain-text-body></ac:structured-macro>',
      'xhtml_cdata_end_in_text',
      'cdata_end_in_text',
      ']]>',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x = a[b[0]]]]><![CDATA[> 1]]></ac:plain-text-body></ac:structured-macro>'.replace(
        ']]><![CDATA[> 1',
        ']]]]><![CDATA[> 1',
      ),
    ],
    [
      '<!DOCTYPE html>\n<p>x</p>',
      'xhtml_directive',
      'doctype_not_allowed',
      '<!DOCTYPE html>',
      '<p>x</p>',
    ],
    [
      '<p>x</p>\n<p>y',
      'xhtml_unexpected_close_tag',
      'unclosed_element',
      '<p>',
      '<p>x</p>\n<p>y</p>',
    ],
    ['<p>a</p></p>', 'xhtml_unexpected_close_tag', 'stray_close_tag', '</p>', '<p>a</p>'],
  ];

  it.each(cases)('%s', (body, entry, code, rangeText, fixed) => {
    for (const message of [confluenceAnswer(body), CLOUD_PREFIX + confluenceAnswer(body)]) {
      const t = translateConfluenceError({ message, status: 400 }, body);
      expect(t.entry).toBe(entry);
      expect(t.diagnosticCode).toBe(code);
      expect(t.cause).not.toContain('Confluence:');
      const lines = body.split('\n');
      const r = t.range!;
      expect(r.line).toBe(r.endLine);
      expect(lines[r.line - 1]!.slice(r.column - 1, r.endColumn - 1)).toBe(rangeText);
      expect(applyFix(body, t.fixes[0]!)).toBe(fixed);
      expect(parseStorage(applyFix(body, t.fixes[0]!)).diagnostics).toEqual([]);
    }
  });

  it("falls back to Confluence's position when the engine does not see the same error", () => {
    const message =
      "Error parsing xhtml: Unexpected character '[' (code 91) excepted space, or '>' or \"/>\"\n at [row,col {unknown-source}]: [2,4]";
    // The body was edited since the answer: the engine finds nothing, the place is Confluence's.
    const t = translateConfluenceError({ message }, '<p>ok</p>\n<p>fine</p>');
    expect(t.entry).toBe('xhtml_bad_start_tag');
    expect(t.range).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 5 });
    expect(t.cause).toMatch(/start tag is malformed/);
    expect(t.fixes).toEqual([]);
    // The body that caused it: the engine's range (the whole broken tag) wins.
    const engine = translateConfluenceError({ message }, '<p>ok</p>\n<p[x]>y</p>');
    expect(engine.range).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 4 });
  });

  it('covers every variant in the catalogue (confluence-api.md §2.3), with or without a body', () => {
    const variants: Array<[string, string]> = [
      [
        'Error parsing xhtml: Unexpected close tag </br>; expected </p>.\n at [row,col {unknown-source}]: [11,7]',
        'xhtml_unexpected_close_tag',
      ],
      [
        `${CLOUD_PREFIX}Error parsing xhtml: Unexpected close tag </ac:structured-macro>; expected </p>.\n at [row,col {unknown-source}]: [22,21]`,
        'xhtml_unexpected_close_tag',
      ],
      [
        'Error parsing xhtml: Unexpected EOF; was expecting a close tag for element <ac:parameter>\n at [row,col {unknown-source}]: [3,1]',
        'xhtml_unexpected_eof',
      ],
      [
        "Error parsing xhtml: String ']]>' not allowed in textual content, except as the end marker of CDATA section\n at [row,col {unknown-source}]: [1,400]",
        'xhtml_cdata_end_in_text',
      ],
      ['Error parsing xhtml', 'xhtml_bare'],
      [
        'Error parsing xhtml: Something new\n at [row,col {unknown-source}]: [1,370]',
        'xhtml_other',
      ],
    ];
    for (const [message, entry] of variants) {
      const t = translateConfluenceError({ message, status: 400 });
      expect(t.entry, message).toBe(entry);
      expect(t.cause.length).toBeGreaterThan(10);
      expect(t.advice.length).toBeGreaterThan(5);
      expect(t.range).toBeNull();
    }
    const eof = translateConfluenceError({
      message:
        'Error parsing xhtml: Unexpected EOF; was expecting a close tag for element <ac:parameter>\n at [row,col {unknown-source}]: [3,1]',
    });
    expect(eof.cause).toContain('`<ac:parameter>` is never closed');
    const cross = translateConfluenceError({
      message:
        'Error parsing xhtml: Unexpected close tag </ac:structured-macro>; expected </p>.\n at [row,col {unknown-source}]: [2,1]',
    });
    expect(cross.cause).toContain('`<p>` is still open where `</ac:structured-macro>`');
  });

  it('translates every other catalogue entry', () => {
    const cases: Array<[{ message: string; status?: number }, string]> = [
      [
        {
          message:
            'A page with this title already exists: A page already exists with the title Roadmap in the space with key DEMO',
          status: 400,
        },
        'title_clash',
      ],
      [
        {
          message: `${CLOUD_PREFIX}A page with this title already exists: A page already exists with the same TITLE in this space`,
          status: 400,
        },
        'title_clash',
      ],
      [
        { message: 'Version must be incremented on update. Current version is: 5', status: 409 },
        'version_conflict',
      ],
      [
        {
          message:
            'Version must be incremented when updating a page. Current Version: [6]. Provided version: [5]',
          status: 409,
        },
        'version_conflict',
      ],
      [
        {
          message: 'Must supply an incremented version when updating Content. No version supplied.',
          status: 400,
        },
        'version_missing',
      ],
      [
        {
          message:
            'com.atlassian.confluence.api.service.exceptions.ConflictException: javax.persistence.OptimisticLockException: Batch update returned unexpected row count from update [0]',
          status: 409,
        },
        'concurrent_write',
      ],
      [
        { message: 'No content found with id: ContentId{id=954415933}', status: 404 },
        'page_not_found',
      ],
      [{ message: 'No space with key : TST', status: 404 }, 'space_not_found'],
      [
        {
          message:
            'com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.',
          status: 410,
        },
        'endpoint_removed',
      ],
      [
        {
          message:
            'Basic authentication with passwords is deprecated.  For more information, see: https://confluence.atlassian.com/x',
          status: 401,
        },
        'password_basic_auth',
      ],
      [{ message: 'Unauthorized; scope does not match', status: 401 }, 'token_scope'],
      [
        {
          message:
            'HTTP Status 401 – Unauthorized Basic Authentication Failure - Reason : AUTHENTICATED_FAILED',
          status: 401,
        },
        'credentials_rejected',
      ],
      [
        { message: 'Current user not permitted to use Confluence', status: 403 },
        'no_product_access',
      ],
      [{ message: 'XSRF check failed', status: 403 }, 'xsrf'],
      [
        { message: 'Requests for this resource can be at most 5242880 bytes', status: 413 },
        'too_large',
      ],
      [{ message: 'Request too large in size (over 5 MB)', status: 400 }, 'too_large'],
      [{ message: '', status: 429 }, 'rate_limited'],
      [{ message: 'Unauthorized', status: 401 }, 'unauthorized'],
      [{ message: 'Forbidden', status: 403 }, 'forbidden'],
      [{ message: 'Something nobody has seen', status: 400 }, 'unknown'],
    ];
    for (const [error, entry] of cases) {
      const t = translateConfluenceError(error);
      expect(t.entry, error.message).toBe(entry);
      expect(t.cause.length, error.message).toBeGreaterThan(10);
      expect(t.fixes).toEqual([]);
    }
    expect(translateConfluenceError(cases[0]![0])).toMatchObject({ clashingTitle: 'Roadmap' });
    expect(translateConfluenceError(cases[0]![0]).cause).toContain('“Roadmap”');
    expect(translateConfluenceError(cases[1]![0]).clashingTitle).toBeUndefined();
    expect(translateConfluenceError(cases[2]![0]).currentVersion).toBe(5);
    expect(translateConfluenceError(cases[3]![0]).currentVersion).toBe(6);
    expect(translateConfluenceError(cases.at(-1)![0]).cause).toContain('Something nobody has seen');
  });
});

describe('translateDiagnostic', () => {
  it('translates every engine diagnostic of the invalid corpus, with a range inside the body', () => {
    let fixed = 0;
    let total = 0;
    for (const { body } of [...readCorpus('invalid'), ...readCorpus('edge-cases')]) {
      for (const diagnostic of validateStorage(body)) {
        total++;
        const t = translateDiagnostic(body, diagnostic);
        expect(t.entry).toBe(`engine:${diagnostic.code}`);
        expect(t.cause).not.toContain(' — Confluence: ');
        expect(t.cause.length).toBeGreaterThan(5);
        expect(t.range!.line).toBeGreaterThanOrEqual(1);
        for (const fix of t.fixes) {
          expect(applyFix(body, fix)).not.toBe(body);
          fixed++;
        }
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(fixed).toBeGreaterThan(5);
  });

  it('turns <img src> into ac:image', () => {
    const body = '<p><img src="diagram.png" width="200"/></p>';
    const diagnostic = validateStorage(body).find((d) => d.code === 'img_instead_of_ac_image')!;
    const t = translateDiagnostic(body, diagnostic);
    expect(applyFix(body, t.fixes[0]!)).toBe(
      '<p><ac:image ac:width="200"><ri:attachment ri:filename="diagram.png"/></ac:image></p>',
    );
  });
});

describe('suggestFreeTitle', () => {
  it('counts up until a title is free, asking only as often as needed', async () => {
    const taken = new Set(['Roadmap', 'Roadmap (2)', 'Roadmap (3)']);
    const asked: string[] = [];
    const isFree = async (title: string) => {
      asked.push(title);
      return !taken.has(title);
    };
    expect(await suggestFreeTitle('Roadmap', isFree)).toBe('Roadmap (4)');
    expect(asked).toEqual(['Roadmap (2)', 'Roadmap (3)', 'Roadmap (4)']);
    expect(await suggestFreeTitle('Roadmap (3)', isFree)).toBe('Roadmap (4)');
  });

  it('keeps within 255 characters and gives up after maxTries', async () => {
    const long = 'x'.repeat(255);
    const suggestion = await suggestFreeTitle(long, async () => true);
    expect(suggestion).toHaveLength(255);
    expect(suggestion!.endsWith(' (2)')).toBe(true);
    expect(await suggestFreeTitle('Roadmap', async () => false, 3)).toBeNull();
  });
});

describe('diagnosticForConfluenceParseError', () => {
  it("keeps the engine's code and range, and Confluence's words", () => {
    const body = '<p>one</p>\n<p>a<br>b</p>';
    const message = CLOUD_PREFIX + confluenceAnswer(body);
    expect(diagnosticForConfluenceParseError(message, body)).toEqual({
      severity: 'error',
      code: 'void_element_not_closed',
      message:
        '`<br>` must be self-closed as `<br/>`. — Confluence: Unexpected close tag </p>; expected </br>.',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 9,
    });
  });

  it('falls back to a generic code at the top for a bare answer', () => {
    expect(diagnosticForConfluenceParseError('Error parsing xhtml', '<p>x</p>')).toEqual({
      severity: 'error',
      code: 'confluence_parse_error',
      message: 'Confluence refused the body as malformed XML but did not say where.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  });
});
