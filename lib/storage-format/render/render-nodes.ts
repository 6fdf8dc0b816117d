import type { ElementNode, StorageNode } from '../types';
import { renderEmoticon } from './emoticons';
import { renderAdfExtension } from './render-adf';
import type { RenderContext } from './render-context';
import { renderAcImage } from './render-images';
import { renderAcLink } from './render-links';
import {
  renderInlineCommentMarker,
  renderLayoutPart,
  renderPlaceholder,
  renderTask,
  renderTaskList,
} from './render-structure';
import * as xhtml from './render-xhtml';
import * as macros from './macros/render-macro';
import { visibleText } from './tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { renderXhtmlElement } = xhtml;
const { renderMacro } = macros;

/**
 * The dispatcher: text is escaped, comments and processing instructions vanish, plain XHTML
 * and `ac:` elements go to their renderers, `ri:` identifiers show nothing by themselves, and
 * elements with any other prefix show only their content.
 */

/**
 * Nesting beyond this is flattened to its text: an HTML parser stops nesting around 512 levels
 * anyway, and the recursion must not be able to overflow the stack on a hostile body.
 */
const MAX_DEPTH = 160;

/** Renders a node list; installed as `ctx.renderNodes`. */
export function renderNodes(ctx: RenderContext, nodes: readonly StorageNode[]): void {
  for (let i = 0; i < nodes.length; i++) renderNode(ctx, nodes[i]!);
}

/** Renders one node. */
export function renderNode(ctx: RenderContext, node: StorageNode): void {
  if (node.type === 'text' || node.type === 'cdata') {
    ctx.out.text(node.value);
  } else if (node.type === 'element') {
    if (ctx.depth >= MAX_DEPTH) {
      ctx.out.text(visibleText(node));
      return;
    }
    ctx.depth++;
    renderElement(ctx, node);
    ctx.depth--;
  }
}

function renderElement(ctx: RenderContext, element: ElementNode): void {
  switch (element.prefix) {
    case null:
      return renderXhtmlElement(ctx, element);
    case 'ac':
      return renderAcElement(ctx, element);
    case 'ri':
      return;
    default:
      ctx.renderNodes(element.children);
  }
}

/** Elements whose content is bookkeeping, never shown where it stands. */
const SILENT_AC_ELEMENTS: ReadonlySet<string> = new Set([
  'ac:parameter',
  'ac:default-parameter',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-attribute',
  'ac:adf-mark',
]);

function renderAcElement(ctx: RenderContext, element: ElementNode): void {
  switch (element.name) {
    case 'ac:structured-macro':
    case 'ac:macro':
      return renderMacro(ctx, element);
    case 'ac:link':
      return renderAcLink(ctx, element);
    case 'ac:image':
      return renderAcImage(ctx, element);
    case 'ac:task-list':
      return renderTaskList(ctx, element);
    case 'ac:task':
      ctx.out.open('ul', { class: 'pw-task-list' });
      renderTask(ctx, element);
      return ctx.out.close('ul');
    case 'ac:layout':
    case 'ac:layout-section':
    case 'ac:layout-cell':
      return renderLayoutPart(ctx, element);
    case 'ac:emoticon':
      return renderEmoticon(ctx, element);
    case 'ac:placeholder':
      return renderPlaceholder(ctx, element);
    case 'ac:inline-comment-marker':
      return renderInlineCommentMarker(ctx, element);
    case 'ac:adf-extension':
      return renderAdfExtension(ctx, element);
    default:
      if (SILENT_AC_ELEMENTS.has(element.name)) return;
      // Bodies met out of place (a stray `ac:rich-text-body`, `ac:caption` …): their content.
      ctx.renderNodes(element.children);
  }
}
