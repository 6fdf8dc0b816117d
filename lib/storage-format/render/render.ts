import { parseStorage } from '../parse';
import type { ParseResult, PositionMapper, StorageNode } from '../types';
import { HtmlWriter } from './html-writer';
import { ID_PREFIX, type RenderContext } from './render-context';
import * as renderNodesModule from './render-nodes';
import type { RenderOptions } from './render-options';
import { defaultSanitizer, type Sanitizer } from './sanitizer';
import { writeTocs } from './macros/toc-macro';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { renderNode, renderNodes } = renderNodesModule;

/**
 * Live-preview HTML for a storage body: a fragment for the app's sandboxed iframe. Built by a
 * writer that escapes everything and emits only allowlisted names (safe on its own), then
 * passed through DOMPurify (the second layer). Never throws on a broken body: the parser's
 * recovered tree renders as far as it goes.
 */
export function renderStorage(source: string, options: RenderOptions = {}): string {
  return renderDocument(parseStorage(source), options);
}

/** Same as `renderStorage`, from a parse the caller already has (the editor parses once). */
export function renderDocument(parsed: ParseResult, options: RenderOptions = {}): string {
  // Resolved first, so a missing sanitizer in Node fails before any work is done.
  const sanitizer = resolveSanitizer(options);
  const html = writeHtml(parsed, options, sanitizer === null);
  return sanitizer === null ? html : sanitizer(html);
}

/** The sanitizer `options` ask for; null for `'none'` (the writer's output is then final). */
export function resolveSanitizer(options: RenderOptions): Sanitizer | null {
  return options.sanitizer === 'none' ? null : (options.sanitizer ?? defaultSanitizer());
}

function writeHtml(parsed: ParseResult, options: RenderOptions, unsanitized: boolean): string {
  const ctx = createRenderContext(new HtmlWriter(), options, unsanitized, new Set());
  const positions = parsed.positions;
  for (const node of parsed.document.children) renderTopLevelNode(ctx, node, positions);
  writeTocs(ctx, ctx.headings);
  return ctx.out.toString();
}

/**
 * A render's state, writing to `out`. `usedIds` is given so the incremental render can render one
 * block at a time, seeing the ids of the blocks before it.
 */
export function createRenderContext(
  out: HtmlWriter,
  options: RenderOptions,
  unsanitized: boolean,
  usedIds: Set<string>,
): RenderContext {
  const ctx: RenderContext = {
    out,
    options,
    idPrefix: unsanitized ? ID_PREFIX : '',
    inline: false,
    depth: 0,
    headings: [],
    usedIds,
    nextSuffixes: new Map(),
    tocRequests: [],
    renderNodes: (nodes) => renderNodes(ctx, nodes),
  };
  return ctx;
}

/** Renders a node of the body's top level; elements carry their source line and offset. */
export function renderTopLevelNode(
  ctx: RenderContext,
  node: StorageNode,
  positions: PositionMapper,
): void {
  if (node.type === 'element') {
    ctx.out.markSourceLine(positions.lineColumnAt(node.span.start).line, node.span.start);
    renderNode(ctx, node);
    ctx.out.clearSourceLine();
  } else {
    renderNode(ctx, node);
  }
}
