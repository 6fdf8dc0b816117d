import { parseStorage } from './parse';
import { checkSemantics } from './semantic-checks';
import type { Diagnostic, ParseResult } from './types';

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Errors (exactly what Confluence rejects) plus warnings (what it accepts but silently gets
 * wrong), in document order. Use {@link validateParsed} when the body is already parsed.
 */
export function validateStorage(source: string): Diagnostic[] {
  return validateParsed(parseStorage(source));
}

export function validateParsed(parsed: ParseResult): Diagnostic[] {
  const warnings = checkSemantics(parsed.document, parsed.positions);
  if (warnings.length === 0) return parsed.diagnostics;
  return [...parsed.diagnostics, ...warnings].sort(byPosition);
}
