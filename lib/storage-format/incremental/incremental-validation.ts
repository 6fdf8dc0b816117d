import type { Diagnostic } from '../types';
import { validateParsed } from '../validate';
import { IncrementalParse } from './incremental-parse';

/**
 * `validateStorage`, text after text: the parse (and so its errors) is re-done only where the
 * edit touched (incremental-parse.ts); the semantic checks still walk the whole tree, since their
 * page-wide findings (unresolved anchors, duplicate macro ids) are not yet kept per block.
 */
export class IncrementalValidation {
  private parse = new IncrementalParse();

  validate(text: string): Diagnostic[] {
    try {
      return validateParsed(this.parse.update(text).result);
    } catch (error) {
      // Half-updated blocks must not be reused: the next text starts afresh.
      this.parse = new IncrementalParse();
      throw error;
    }
  }
}
