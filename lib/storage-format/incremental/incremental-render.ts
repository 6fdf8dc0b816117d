import { BODY_START, HtmlWriter } from '../render/html-writer';
import { writeTocs } from '../render/macros/toc-macro';
import { createRenderContext, renderTopLevelNode } from '../render/render';
import type { RenderContext, TocHeading } from '../render/render-context';
import type { RenderOptions } from '../render/render-options';
import type { ParsedBlock } from '../parser/storage-parser';
import type { PositionMapper } from '../types';
import { BlockIds } from './block-ids';
import type { BlocksUpdate } from './incremental-parse';

/** The render options that look something up for the writer (a user's name, a link's URL). */
type Lookup = 'attachmentUrl' | 'pageUrl' | 'userName';
const LOOKUPS: readonly Lookup[] = ['attachmentUrl', 'pageUrl', 'userName'];

/** One block's writer output, and what of it depends on the rest of the page. */
interface RenderedBlock {
  readonly ctx: RenderContext;
  readonly ids: BlockIds;
  /** The options its output holds for, and which of their lookups it read. */
  options: RenderOptions;
  readonly asked: ReadonlySet<Lookup>;
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
 *
 * New options re-render only the blocks that read a lookup they changed. When the names of the
 * people a page mentions arrive (once the page opens, and again after someone new is mentioned),
 * the preview gets a new `userName`; re-rendering every block for it cost a whole render of the
 * page, 34 ms for the macro-rich 1 MB bench page in Node (issue #16).
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
    // The same options object (every keystroke) needs no comparing.
    if (
      unsanitized !== this.unsanitized ||
      this.options === null ||
      (options !== this.options && !sameBesidesLookups(options, this.options))
    ) {
      this.unsanitized = unsanitized;
      this.rendered = new WeakMap();
    }
    this.options = options;
    const positions = update.result.positions;
    const lineAt = (offset: number) => positions.lineColumnAt(offset).line;
    const used = new Set<string>();
    const headings: TocHeading[] = [];
    const page: RenderedBlock[] = [];
    const stale = new Set<RenderedBlock>();
    this.renderedLast = 0;
    update.blocks.forEach((block, index) => {
      let rendered = this.rendered.get(block);
      if (rendered !== undefined && rendered.options !== options) {
        if (lookupsChanged(rendered, options)) rendered = undefined;
        else rendered.options = options;
      }
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
    const options = this.options!;
    const asked = new Set<Lookup>();
    const ctx = createRenderContext(
      new HtmlWriter(markBase),
      recordingLookups(options, asked),
      this.unsanitized,
      ids,
    );
    for (const node of block.nodes) renderTopLevelNode(ctx, node, positions);
    const rendered: RenderedBlock = { ctx, ids, options, asked, start: block.start, html: '' };
    this.rendered.set(block, rendered);
    return rendered;
  }
}

/** `options` with each lookup's reads noted in `asked` (read, not called: an absent one counts). */
function recordingLookups(options: RenderOptions, asked: Set<Lookup>): RenderOptions {
  const recording: RenderOptions = { ...options };
  for (const lookup of LOOKUPS) {
    Object.defineProperty(recording, lookup, {
      enumerable: true,
      get: () => {
        asked.add(lookup);
        return options[lookup];
      },
    });
  }
  return recording;
}

/** Whether `options` answers a lookup the block read differently from the options it was written with. */
function lookupsChanged(rendered: RenderedBlock, options: RenderOptions): boolean {
  for (const lookup of rendered.asked) {
    if (rendered.options[lookup] !== options[lookup]) return true;
  }
  return false;
}

/** The same options but for the lookups (a new sanitizer changes every block). */
function sameBesidesLookups(a: RenderOptions, b: RenderOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RenderOptions>;
  for (const key of keys) {
    if (!(LOOKUPS as readonly string[]).includes(key) && a[key] !== b[key]) return false;
  }
  return true;
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
