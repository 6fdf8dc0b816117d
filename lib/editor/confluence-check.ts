import type { Diagnostic } from '@/lib/storage-format/types';

/** The answer of POST /api/pages/[id]/check ("Check with Confluence", a dry run of a save). */
export interface ConfluenceCheckAnswer {
  diagnostics: Diagnostic[];
  lookups: number;
  notChecked: string[];
}

export interface CheckOutcome {
  /** Confluence's parser refused the body: a save would fail the same way. */
  refused: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** One sentence for the status area or the save panel. */
  summary: string;
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * What a check found, in one sentence: the refusal first (it decides whether a save can work),
 * then the warnings, then what could not be checked (so "no warnings" is never read as "all
 * checked" when it is not).
 */
export function describeCheckOutcome(answer: ConfluenceCheckAnswer): CheckOutcome {
  const errors = answer.diagnostics.filter((d) => d.severity === 'error');
  const warnings = answer.diagnostics.filter((d) => d.severity === 'warning');
  const parts: string[] = [];
  if (errors.length > 0) {
    parts.push(
      `Confluence would refuse this body (${count(errors.length, 'error', 'errors')}, line ${errors[0]!.line}).`,
    );
  } else if (warnings.length > 0) {
    parts.push(
      `Confluence accepts this body, with ${count(warnings.length, 'warning', 'warnings')}.`,
    );
  } else {
    parts.push('Confluence accepts this body; no warnings.');
  }
  if (answer.notChecked.length > 0) parts.push(`Not checked: ${answer.notChecked.join('; ')}.`);
  return { refused: errors.length > 0, errors, warnings, summary: parts.join(' ') };
}
