import { diagnosticForConfluenceParseError } from '@/lib/storage-format/confluence-parse-error';
import type { Diagnostic } from '@/lib/storage-format/types';

import { type ConfluenceError, parseStoragePosition, stripJavaPrefix } from './errors';

/**
 * A body Confluence refused (`invalid_storage`, from a save or a render) as one diagnostic of
 * that body. Its parser's answers go through the engine (docs/confluence-api.md §2.3); anything
 * else (Cloud's asynchronous render reports failures in words of its own) is shown as Confluence
 * said it, at the top of the body.
 */
export function diagnosticForRefusedBody(error: ConfluenceError, body: string): Diagnostic {
  const at = error.details.storagePosition ?? parseStoragePosition(error.message);
  if (at) return diagnosticForConfluenceParseError(at, body);
  const said = stripJavaPrefix(error.message);
  return {
    severity: 'error',
    code: 'confluence_parse_error',
    message: said
      ? `Confluence refused the request: ${said}`
      : 'Confluence refused the request without saying why.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
