import { resolveSanitizer } from '../render/render';
import type { RenderOptions } from '../render/render-options';
import type { ParseResult } from '../types';
import { type BlocksUpdate, IncrementalParse } from './incremental-parse';
import { IncrementalRender } from './incremental-render';

/** What the last update did: how many blocks the page has, and how many it parsed and rendered. */
export interface IncrementalWork {
  blocks: number;
  parsed: number;
  rendered: number;
}

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
  private parse = new IncrementalParse();
  private render = new IncrementalRender();
  private work: IncrementalWork = { blocks: 0, parsed: 0, rendered: 0 };

  update(text: string, options: RenderOptions = {}): IncrementalPreview {
    // Resolved first, as renderDocument does: a missing sanitizer fails before any work.
    const sanitizer = resolveSanitizer(options);
    let update: BlocksUpdate;
    let html: string;
    try {
      update = this.parse.update(text);
      html = '';
      for (const block of this.render.render(update, options, sanitizer === null)) {
        html += block.html;
      }
    } catch (error) {
      // Half-updated blocks must not be reused: the next text starts afresh.
      this.parse = new IncrementalParse();
      this.render = new IncrementalRender();
      throw error;
    }
    this.work = {
      blocks: update.blocks.length,
      parsed: update.firstMoved - update.firstParsed,
      rendered: this.render.renderedLast,
    };
    return { parsed: update.result, html: sanitizer === null ? html : sanitizer(html) };
  }

  lastWork(): IncrementalWork {
    return this.work;
  }
}
