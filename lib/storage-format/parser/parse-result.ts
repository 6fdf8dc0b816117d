import { createPositionMapper, type EditedFrom } from '../positions';
import type { ConfluenceParseError, Diagnostic, ParseResult, StorageNode } from '../types';
import type { ErrorCollector } from './error-collector';

/** What the result needs of the errors: the incremental parse combines them from its blocks. */
export type CollectedErrors = Pick<ErrorCollector, 'pending' | 'confluence'>;

/**
 * Turns the parser's output into a `ParseResult`: errors sorted into document order and given
 * 1-based lines and columns. The position mapper's line index is built only if something asks
 * for a position, so a clean parse never pays for it; after an edit (`editedFrom`, the incremental
 * parse) it is derived from the previous text's.
 */
export function buildParseResult(
  source: string,
  root: StorageNode[],
  errors: CollectedErrors,
  editedFrom?: EditedFrom,
): ParseResult {
  const positions = createPositionMapper(source, editedFrom);
  const diagnostics: Diagnostic[] = [];
  if (errors.pending.length > 0) {
    const pending = errors.pending.sort((a, b) => a.start - b.start);
    for (const { code, message, start, end } of pending) {
      const from = positions.lineColumnAt(start);
      const to = positions.lineColumnAt(Math.max(end, start + 1));
      diagnostics.push({
        severity: 'error',
        code,
        message,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
      });
    }
  }
  let confluenceError: ConfluenceParseError | null = null;
  if (errors.confluence) {
    const at = positions.lineColumnAt(errors.confluence.offset);
    confluenceError = { ...errors.confluence, line: at.line, column: at.column };
  }
  return {
    document: { type: 'document', children: root, span: { start: 0, end: source.length } },
    diagnostics,
    confluenceError,
    positions,
  };
}
