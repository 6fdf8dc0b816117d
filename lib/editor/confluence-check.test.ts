import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '@/lib/storage-format/types';

import { describeCheckOutcome } from './confluence-check';

function diagnostic(severity: Diagnostic['severity'], line: number): Diagnostic {
  return { severity, code: 'x', message: 'm', line, column: 1, endLine: line, endColumn: 2 };
}

describe('describeCheckOutcome', () => {
  it('says a clean body is accepted', () => {
    const outcome = describeCheckOutcome({ diagnostics: [], lookups: 2, notChecked: [] });
    expect(outcome).toMatchObject({ refused: false, errors: [], warnings: [] });
    expect(outcome.summary).toBe('Confluence accepts this body; no warnings.');
  });

  it('counts warnings without refusing', () => {
    const outcome = describeCheckOutcome({
      diagnostics: [diagnostic('warning', 3), diagnostic('warning', 9)],
      lookups: 1,
      notChecked: [],
    });
    expect(outcome.refused).toBe(false);
    expect(outcome.warnings).toHaveLength(2);
    expect(outcome.summary).toBe('Confluence accepts this body, with 2 warnings.');
  });

  it('puts a refusal first, with the line of the first error', () => {
    const outcome = describeCheckOutcome({
      diagnostics: [diagnostic('error', 7), diagnostic('warning', 2)],
      lookups: 0,
      notChecked: [],
    });
    expect(outcome.refused).toBe(true);
    expect(outcome.summary).toBe('Confluence would refuse this body (1 error, line 7).');
  });

  it('names what could not be checked', () => {
    const outcome = describeCheckOutcome({
      diagnostics: [diagnostic('warning', 1)],
      lookups: 50,
      notChecked: ['3 more references (at most 50 lookups per check)'],
    });
    expect(outcome.summary).toBe(
      'Confluence accepts this body, with 1 warning. Not checked: 3 more references (at most 50 lookups per check).',
    );
  });
});
