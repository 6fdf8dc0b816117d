import type { RenderOptions } from '../render/render-options';
import { type BlocksUpdate, IncrementalParse } from './incremental-parse';
import { type BlockHtml, IncrementalRender, type SourceMarks } from './incremental-render';

/** What the last run did: how many blocks the page has, and how many it parsed and rendered. */
export interface IncrementalWork {
  blocks: number;
  parsed: number;
  rendered: number;
}

/**
 * The incremental parse, then the incremental render, text after text: the one core of the
 * instant preview's blocks (incremental-blocks.ts) and of the whole-page HTML
 * (incremental-document.ts). Either step failing resets both, since half-updated blocks must not
 * be reused: the next text starts afresh.
 */
export class IncrementalPipeline {
  private parse = new IncrementalParse();
  private render: IncrementalRender;
  private work: IncrementalWork = { blocks: 0, parsed: 0, rendered: 0 };

  constructor(private readonly marks: SourceMarks) {
    this.render = new IncrementalRender(marks);
  }

  /** The parse of `text` and the writer's output for it, block by block. */
  run(
    text: string,
    options: RenderOptions,
    unsanitized: boolean,
  ): { update: BlocksUpdate; written: BlockHtml[] } {
    try {
      const update = this.parse.update(text);
      const written = this.render.render(update, options, unsanitized);
      this.work = {
        blocks: update.blocks.length,
        parsed: update.firstMoved - update.firstParsed,
        rendered: this.render.renderedLast,
      };
      return { update, written };
    } catch (error) {
      this.parse = new IncrementalParse();
      this.render = new IncrementalRender(this.marks);
      throw error;
    }
  }

  lastWork(): IncrementalWork {
    return this.work;
  }
}
