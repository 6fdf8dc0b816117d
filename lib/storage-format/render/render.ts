import { parseStorage } from '../parse';
import type { ParseResult } from '../types';
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
  const sanitizer: Sanitizer | null =
    options.sanitizer === 'none' ? null : (options.sanitizer ?? defaultSanitizer());
  const html = writeHtml(parsed, options, sanitizer === null);
  return sanitizer === null ? html : sanitizer(html);
}

function writeHtml(parsed: ParseResult, options: RenderOptions, unsanitized: boolean): string {
  const out = new HtmlWriter();
  const ctx: RenderContext = {
    out,
    options,
    idPrefix: unsanitized ? ID_PREFIX : '',
    inline: false,
    depth: 0,
    headings: [],
    usedIds: new Set(),
    tocRequests: [],
    renderNodes: (nodes) => renderNodes(ctx, nodes),
  };
  const positions = parsed.positions;
  for (const node of parsed.document.children) {
    if (node.type === 'element') {
      out.markSourceLine(positions.lineColumnAt(node.span.start).line, node.span.start);
      renderNode(ctx, node);
      out.clearSourceLine();
    } else {
      renderNode(ctx, node);
    }
  }
  writeTocs(ctx);
  return out.toString();
}
