import { describe, expect, it } from 'vitest';

import { diagnosticForConfluenceParseError } from '@/lib/storage-format/confluence-parse-error';
import { parseStorage } from '@/lib/storage-format/parse';
import { readCorpus } from '@/lib/storage-format/testing/corpus';
import { validateStorage } from '@/lib/storage-format/validate';

import { applyFix, translateDiagnostic } from './diagnostic-translation';

describe('translateDiagnostic', () => {
  it('translates every engine diagnostic of the invalid corpus', () => {
    let fixed = 0;
    let total = 0;
    for (const { body } of [...readCorpus('invalid'), ...readCorpus('edge-cases')]) {
      for (const diagnostic of validateStorage(body)) {
        total++;
        const t = translateDiagnostic(body, diagnostic);
        expect(t.cause).not.toContain(' — Confluence: ');
        expect(t.cause.length).toBeGreaterThan(5);
        expect(t.advice).toBe(t.fixes[0]?.title ?? 'Edit the marked markup.');
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

describe("translateDiagnostic on Confluence's refusals: one click repairs what Confluence refused", () => {
  const cases: Array<[string, string]> = [
    // [body, body after the first fix]
    ['<p>one</p>\n<p>a<br>b</p>', '<p>one</p>\n<p>a<br/>b</p>'],
    ['<p>a &check; b</p>', '<p>a &#10003; b</p>'],
    ['<p><a href="?a=1&b=2">x</a></p>', '<p><a href="?a=1&amp;b=2">x</a></p>'],
    ['<p>a < b</p>', '<p>a &lt; b</p>'],
    [
      '<table><tr><td nowrap>x</td></tr></table>',
      '<table><tr><td nowrap="nowrap">x</td></tr></table>',
    ],
    ['<p class=x>y</p>', '<p class="x">y</p>'],
    ['<p a="1" a="2">x</p>', '<p a="1">x</p>'],
    ['<p>a ]]> b</p>', '<p>a ]]&gt; b</p>'],
    [
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x = a[b[0]]]]> 1]]></ac:plain-text-body></ac:structured-macro>',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x = a[b[0]]]]]]><![CDATA[> 1]]></ac:plain-text-body></ac:structured-macro>',
    ],
    ['<!DOCTYPE html>\n<p>x</p>', '<p>x</p>'],
    ['<p>x</p>\n<p>y', '<p>x</p>\n<p>y</p>'],
    ['<p>a</p></p>', '<p>a</p>'],
  ];

  it.each(cases)('%s', (body, fixedBody) => {
    const error = parseStorage(body).confluenceError!;
    const refusal = diagnosticForConfluenceParseError(
      { line: error.line, column: error.column, parserMessage: error.message },
      body,
    );
    const t = translateDiagnostic(body, refusal);
    expect(t.cause).not.toContain('Confluence:');
    expect(t.advice).toBe(t.fixes[0]!.title);
    const fixed = applyFix(body, t.fixes[0]!);
    expect(fixed).toBe(fixedBody);
    expect(parseStorage(fixed).diagnostics).toEqual([]);
  });
});
