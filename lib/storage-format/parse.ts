import { StorageParser } from './parser/storage-parser';
import type { ParseResult } from './types';

/**
 * Parses a storage-format body into a position-carrying tree plus every well-formedness error
 * Confluence would reject it for (not only the first), and what Confluence itself would answer.
 * Never throws: broken markup is recovered so the tree is always usable.
 */
export function parseStorage(source: string): ParseResult {
  return new StorageParser(source).parse();
}
