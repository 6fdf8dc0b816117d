import { INLINE_WRAPPERS, type OutNode } from './out-nodes';

/** Containers that mean nothing once empty. Table cells, rows and list items stay. */
const DROPPED_WHEN_EMPTY = new Set([
  ...INLINE_WRAPPERS,
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
]);

/** Removes empty text and the wrappers and paragraphs emptied by whitespace collapsing. */
export function prune(nodes: readonly OutNode[]): OutNode[] {
  const out: OutNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      if (node.text !== '') out.push(node);
    } else if (node.kind === 'cdata') out.push(node);
    else {
      const children = node.name === 'pre' ? node.children : prune(node.children);
      if (children.length === 0 && DROPPED_WHEN_EMPTY.has(node.name)) continue;
      out.push({ ...node, children });
    }
  }
  return out;
}
