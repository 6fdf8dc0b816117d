import { JSDOM } from 'jsdom';

import type { ElementNode, StorageNode } from '../types';
import { createNodeSanitizer } from './node-sanitizer';
import { renderStorage } from './render';
import type { RenderOptions } from './render-options';
import type { Sanitizer } from './sanitizer';
import { attr, childElement } from './tree';

/**
 * Test support for the preview renderer (imported by tests only): rendering into a jsdom
 * document, the definition of which source text must stay visible, and the XSS checks.
 */

const window = new JSDOM('<!DOCTYPE html><html><body></body></html>').window;
let sharedSanitizer: Sanitizer | undefined;

/** One DOMPurify-over-jsdom sanitizer for a whole test file (building one costs ~50 ms). */
export function testSanitizer(): Sanitizer {
  sharedSanitizer ??= createNodeSanitizer();
  return sharedSanitizer;
}

/** Parses an HTML fragment the way the preview frame would, and returns its body. */
export function htmlBody(html: string): HTMLElement {
  return new window.DOMParser().parseFromString(html, 'text/html').body;
}

/** Renders through the whole pipeline (writer + DOMPurify) and parses the result. */
export function renderToBody(source: string, options: RenderOptions = {}): HTMLElement {
  return htmlBody(renderStorage(source, { sanitizer: testSanitizer(), ...options }));
}

/** Elements whose text never shows where it stands (parameters, bookkeeping, identifiers). */
const INVISIBLE_ELEMENTS: ReadonlySet<string> = new Set([
  'ac:parameter',
  'ac:default-parameter',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-attribute',
  'head',
  'title',
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'select',
  'button',
  'svg',
  'math',
  'iframe',
  'object',
]);

/**
 * Visits the parts of a storage tree a reader of the page sees: everything except the
 * invisible elements above, `ri:` identifiers, comments and processing instructions, the body
 * of a hidden excerpt, a mention's stored link body (the name is shown instead), and the
 * half of an ADF extension that is not drawn (the fallback of a panel, the content otherwise).
 */
export function visitVisible(
  nodes: readonly StorageNode[],
  visit: (node: StorageNode) => void,
): void {
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'processing-instruction') continue;
    visit(node);
    if (node.type !== 'element') continue;
    const children = visibleChildren(node);
    if (children !== null) visitVisible(children, visit);
  }
}

function visibleChildren(element: ElementNode): readonly StorageNode[] | null {
  if (INVISIBLE_ELEMENTS.has(element.name) || element.prefix === 'ri') return null;
  const macroName = attr(element, 'ac:name');
  if (element.name === 'ac:structured-macro' && macroName === 'excerpt') {
    const hidden = element.children.some(
      (c) =>
        c.type === 'element' &&
        c.name === 'ac:parameter' &&
        attr(c, 'ac:name') === 'hidden' &&
        c.children.some((t) => t.type === 'text' && t.value.trim() === 'true'),
    );
    if (hidden) return null;
  }
  if (element.name === 'ac:link' && childElement(element, 'ri:user') !== undefined) return null;
  if (element.name === 'ac:adf-extension') {
    const node = childElement(element, 'ac:adf-node');
    const content = node && childElement(node, 'ac:adf-content');
    const isPanel = node !== undefined && attr(node, 'type') === 'panel' && content !== undefined;
    const fallback = childElement(element, 'ac:adf-fallback');
    if (isPanel) return content.children;
    return fallback !== undefined ? fallback.children : (content?.children ?? []);
  }
  return element.children;
}

/** The visible text chunks of a tree, in document order, without whitespace. */
export function visibleTextChunks(nodes: readonly StorageNode[]): string[] {
  const chunks: string[] = [];
  visitVisible(nodes, (node) => {
    if (node.type === 'text' || node.type === 'cdata') {
      const chunk = node.value.replace(/\s+/g, '');
      if (chunk !== '') chunks.push(chunk);
    }
  });
  return chunks;
}

/** Number of visible `td`/`th` elements in a tree. */
export function visibleCellCount(nodes: readonly StorageNode[]): number {
  let count = 0;
  visitVisible(nodes, (node) => {
    if (node.type === 'element' && (node.name === 'td' || node.name === 'th')) count++;
  });
  return count;
}

/**
 * The first chunk that is missing from `rendered` (whitespace removed) when the chunks are
 * looked for in order, or null when all are there.
 */
export function firstMissingChunk(chunks: readonly string[], rendered: string): string | null {
  const haystack = rendered.replace(/\s+/g, '');
  let from = 0;
  for (const chunk of chunks) {
    const at = haystack.indexOf(chunk, from);
    if (at < 0) return chunk;
    from = at + chunk.length;
  }
  return null;
}

const DANGEROUS_TAGS =
  'script, iframe, object, embed, base, meta, form, svg, math, frame, frameset';
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'cite',
  'longdesc',
  'codebase',
]);

/**
 * What is wrong with rendered/sanitized HTML from the XSS point of view (docs/security.md XSS-3),
 * or null: no script-capable or navigating elements, no `on*` handler, no `srcdoc`, no
 * javascript:/vbscript:/data:text/html URL.
 */
export function xssProblem(html: string): string | null {
  return xssProblemIn(htmlBody(html).ownerDocument);
}

/** `xssProblem` for HTML already parsed into `document`. */
export function xssProblemIn(document: Document): string | null {
  // The whole document: a parser moves `<meta>`/`<base>` into the head, `<body on…>` onto body.
  const dangerous = document.querySelector(DANGEROUS_TAGS);
  if (dangerous !== null) return `element <${dangerous.tagName.toLowerCase()}>`;
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) return `handler attribute ${name}`;
      if (name === 'srcdoc') return 'srcdoc attribute';
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers skip whitespace and control characters when they read a scheme.
        const url = attribute.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
        if (/^(?:javascript:|vbscript:|data:text\/html)/.test(url)) {
          return `${name}="${attribute.value}"`;
        }
      }
    }
  }
  return null;
}
