import type { RenderOptions } from '../render/render-options';
import type { ParseResult } from '../types';
import { IncrementalPipeline } from './incremental-pipeline';

/**
 * A top-level block of the preview: HTML whose source marks (`data-source-line`,
 * `data-source-offset`) count from the block's own start (offset 0, line 1), and where that start
 * is in the body now. The frame adds the two (preview-dom.ts), so a block that an edit above only
 * moved is the same string as before: its DOM nodes are reused as they are.
 */
export interface PlacedBlock {
  /**
   * The writer's HTML for the block, not yet sanitized: the frame runs every block through
   * DOMPurify as it parses it (preview-dom.ts, docs/security.md XSS-2), so only blocks it shows
   * are sanitized, when it shows them.
   */
  readonly html: string;
  /** The block's start offset in the body, or -1 for HTML with no source marks to place. */
  readonly start: number;
  /** The line of `start` (1-based). */
  readonly line: number;
}

export interface IncrementalBlocksResult {
  parsed: ParseResult;
  blocks: PlacedBlock[];
}

/**
 * The instant preview's pipeline, text after text at the cost of what each edit touched: the
 * incremental parse, then the render with marks relative to each block. With the marks placed,
 * the blocks joined are the writer's output of `renderDocument(parseStorage(text))`; sanitized one
 * by one (as the frame does), they join to that output sanitized at once.
 *
 * Sanitizing is left to the frame (issue #16): opening a 1 MB page, DOMPurify over every block
 * cost 60-190 ms before anything showed, while the frame's first fill shows only its first
 * screens; and on a keystroke, looking up every unchanged block in a cache cost 1.2 ms more.
 */
export class IncrementalBlocks {
  private pipeline = new IncrementalPipeline('relative');

  update(text: string, options: Omit<RenderOptions, 'sanitizer'>): IncrementalBlocksResult {
    const { update, written } = this.pipeline.run(text, options, false);
    const positions = update.result.positions;
    const blocks = written.map((block): PlacedBlock => ({
      html: block.html,
      start: block.start,
      line: positions.lineColumnAt(block.start).line,
    }));
    return { parsed: update.result, blocks };
  }
}
