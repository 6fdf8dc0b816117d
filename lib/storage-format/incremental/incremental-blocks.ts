import type { RenderOptions } from '../render/render-options';
import type { ParseResult } from '../types';
import { IncrementalParse } from './incremental-parse';
import { IncrementalRender } from './incremental-render';

/**
 * A top-level block of the preview: sanitized HTML whose source marks (`data-source-line`,
 * `data-source-offset`) count from the block's own start (offset 0, line 1), and where that start
 * is in the body now. The frame adds the two (preview-dom.ts), so a block that an edit above only
 * moved is the same string as before: its sanitized output and its DOM nodes are reused as they
 * are.
 */
export interface PlacedBlock {
  readonly html: string;
  /** The block's start offset in the body, or -1 for HTML with no source marks to place. */
  readonly start: number;
  /** The line of `start` (1-based). */
  readonly line: number;
}

/** Sanitizes the writer's blocks, in order, one output per block (block-sanitizer.ts). */
export type BlocksSanitizer = (blocks: readonly string[]) => readonly string[];

export interface IncrementalBlocksResult {
  parsed: ParseResult;
  blocks: PlacedBlock[];
}

/**
 * The instant preview's pipeline, text after text at the cost of what each edit touched: the
 * incremental parse, the render with marks relative to each block, then the sanitizer, last,
 * over every block (it reuses its output for strings it has seen). With the marks placed, the
 * blocks joined are `renderDocument(parseStorage(text))` sanitized block by block.
 */
export class IncrementalBlocks {
  private parse = new IncrementalParse();
  private render = new IncrementalRender('relative');

  update(
    text: string,
    options: Omit<RenderOptions, 'sanitizer'>,
    sanitize: BlocksSanitizer,
  ): IncrementalBlocksResult {
    try {
      const update = this.parse.update(text);
      const written = this.render.render(update, options, false);
      const clean = sanitize(written.map((block) => block.html));
      if (clean.length !== written.length) throw new Error('The sanitizer lost blocks');
      const positions = update.result.positions;
      const blocks = written.map((block, i): PlacedBlock => ({
        html: clean[i]!,
        start: block.start,
        line: positions.lineColumnAt(block.start).line,
      }));
      return { parsed: update.result, blocks };
    } catch (error) {
      // Half-updated blocks must not be reused: the next text starts afresh.
      this.parse = new IncrementalParse();
      this.render = new IncrementalRender('relative');
      throw error;
    }
  }
}
