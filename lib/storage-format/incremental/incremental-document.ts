import { resolveSanitizer } from '../render/render';
import type { RenderOptions } from '../render/render-options';
import type { ParseResult } from '../types';
import { IncrementalPipeline, type IncrementalWork } from './incremental-pipeline';

export type { IncrementalWork } from './incremental-pipeline';

export interface IncrementalPreview {
  parsed: ParseResult;
  /** What `renderDocument(parsed, options)` returns. */
  html: string;
}

/**
 * `parseStorage` then `renderDocument`, text after text, at the cost of what each edit touched.
 * Keep one per editor: it remembers the previous text's blocks.
 */
export class IncrementalDocument {
  private pipeline = new IncrementalPipeline('absolute');

  update(text: string, options: RenderOptions = {}): IncrementalPreview {
    // Resolved first, as renderDocument does: a missing sanitizer fails before any work.
    const sanitizer = resolveSanitizer(options);
    const { update, written } = this.pipeline.run(text, options, sanitizer === null);
    let html = '';
    for (const block of written) html += block.html;
    return { parsed: update.result, html: sanitizer === null ? html : sanitizer(html) };
  }

  lastWork(): IncrementalWork {
    return this.pipeline.lastWork();
  }
}
