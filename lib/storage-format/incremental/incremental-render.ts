import { BODY_START, HtmlWriter } from '../render/html-writer';
import { writeTocs } from '../render/macros/toc-macro';
import { createRenderContext, renderTopLevelNode } from '../render/render';
import type { RenderContext, TocHeading } from '../render/render-context';
import type { RenderOptions } from '../render/render-options';
import type { ParsedBlock } from '../parser/storage-parser';
import type { PositionMapper } from '../types';
import { BlockIds } from './block-ids';
import type { BlocksUpdate } from './incremental-parse';

/** One block's writer output, and what of it depends on the rest of the page. */
interface RenderedBlock {
  readonly ctx: RenderContext;
  readonly ids: BlockIds;
  /** The block's start offset its source marks were written for. */
  start: number;
  html: string;
}

/** One block of the writer's output, and where its source starts now. */
export interface BlockHtml {
  readonly html: string;
  readonly start: number;
}

/**
 * How a block's source marks are written: `absolute` as `renderDocument` writes them (rewritten
 * when an edit moves the block), or `relative` to the block's start, so a block an edit only moved
 * keeps its very string (the preview's sanitizer and frame then reuse it as it is).
 */
export type SourceMarks = 'absolute' | 'relative';

/**
 * The writer's HTML for a page (`renderDocument` before the sanitizer), block by block: a block's
 * output is reused while the block is, rewritten only where it depends on the rest of the page —
 * its source marks when an edit moved it (absolute marks only), ids of headings when ids before
 * it changed (BlockIds), the toc when any heading changed. Joined, the blocks are the output of
 * rendering the whole parse at once (with absolute marks).
 */
export class IncrementalRender {
  private options: RenderOptions | null = null;
  private unsanitized = false;
  private rendered = new WeakMap<ParsedBlock, RenderedBlock>();
  private headings: TocHeading[] = [];
  /** Blocks the last call rendered (the others' output was reused). */
  renderedLast = 0;

  constructor(private readonly marks: SourceMarks = 'absolute') {}

  render(update: BlocksUpdate, options: RenderOptions, unsanitized: boolean): BlockHtml[] {
    if (options !== this.options || unsanitized !== this.unsanitized) {
      this.options = options;
      this.unsanitized = unsanitized;
      this.rendered = new WeakMap();
    }
    const positions = update.result.positions;
    const lineAt = (offset: number) => positions.lineColumnAt(offset).line;
    const used = new Set<string>();
    const headings: TocHeading[] = [];
    const page: RenderedBlock[] = [];
    const stale = new Set<RenderedBlock>();
    this.renderedLast = 0;
    update.blocks.forEach((block, index) => {
      let rendered = this.rendered.get(block);
      if (rendered === undefined || !rendered.ids.answersHold(used)) {
        rendered = this.renderBlock(block, used, positions);
        stale.add(rendered);
        this.renderedLast++;
      } else if (index >= update.firstMoved) {
        // Relative marks hold however the block moved; absolute ones also follow its line, which
        // an edit of the same length can change too.
        if (this.marks === 'relative') rendered.start = block.start;
        else {
          moveBlock(rendered, block.start, lineAt);
          stale.add(rendered);
        }
      }
      for (const id of rendered.ids) used.add(id);
      for (const heading of rendered.ctx.headings) headings.push(heading);
      page.push(rendered);
    });
    const headingsChanged = !sameHeadings(headings, this.headings);
    this.headings = headings;
    return page.map((rendered) => {
      const hasToc = rendered.ctx.tocRequests.length > 0;
      if (stale.has(rendered) || (hasToc && headingsChanged)) {
        if (hasToc) writeTocs(rendered.ctx, headings);
        rendered.html = rendered.ctx.out.toString();
      }
      return { html: rendered.html, start: rendered.start };
    });
  }

  private renderBlock(
    block: ParsedBlock,
    used: ReadonlySet<string>,
    positions: PositionMapper,
  ): RenderedBlock {
    const ids = new BlockIds(used);
    const markBase =
      this.marks === 'absolute'
        ? BODY_START
        : { offset: block.start, line: positions.lineColumnAt(block.start).line };
    const ctx = createRenderContext(new HtmlWriter(markBase), this.options!, this.unsanitized, ids);
    for (const node of block.nodes) renderTopLevelNode(ctx, node, positions);
    const rendered: RenderedBlock = { ctx, ids, start: block.start, html: '' };
    this.rendered.set(block, rendered);
    return rendered;
  }
}

function moveBlock(
  rendered: RenderedBlock,
  start: number,
  lineAt: (offset: number) => number,
): void {
  const delta = start - rendered.start;
  rendered.start = start;
  rendered.ctx.out.moveSourceMarks(delta, lineAt);
  for (const request of rendered.ctx.tocRequests) {
    if (request.line <= 0) continue;
    request.offset += delta;
    request.line = lineAt(request.offset);
  }
}

function sameHeadings(a: readonly TocHeading[], b: readonly TocHeading[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.level !== y.level || x.text !== y.text || x.targetId !== y.targetId) return false;
  }
  return true;
}
