import { AppError } from '@/lib/errors';
import { parseStorage } from '@/lib/storage-format/parse';
import { NESTING_TOO_DEEP } from '@/lib/storage-format/parser/storage-parser';

/** Diagnostics of limits Confluence enforces on a whole body rather than on its markup. */
const BEYOND_LIMITS: ReadonlySet<string> = new Set([NESTING_TOO_DEEP]);

/**
 * Refuses, before anything is sent to Confluence, a body past a limit Confluence enforces (today
 * the nesting depth, see parser/storage-parser.ts): 422 `invalid_storage` with the diagnostic, as
 * a save of a body with errors is refused. A route calls it first, so such a body never costs an
 * upstream call and never reaches code that was not written for it.
 */
export function refuseStorageBeyondLimits(body: string): void {
  const beyond = parseStorage(body).diagnostics.filter(({ code }) => BEYOND_LIMITS.has(code));
  if (beyond.length === 0) return;
  throw new AppError('invalid_storage', undefined, {
    diagnostics: beyond.map(({ line, column, endLine, endColumn, message, code }) => ({
      line,
      column,
      endLine,
      endColumn,
      message,
      code,
    })),
  });
}
