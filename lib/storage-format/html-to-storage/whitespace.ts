import { INLINE_WRAPPERS, type OutNode, type OutText } from './out-nodes';

/** The rendered line being collapsed: its text nodes and whether it currently ends in a space. */
interface Line {
  items: Array<OutText | 'atom'>;
  afterSpace: boolean;
}

function endLine(line: Line): void {
  for (let i = line.items.length - 1; i >= 0; i--) {
    const item = line.items[i]!;
    if (item === 'atom') break;
    if (item.text === '') continue;
    item.text = item.text.replace(/ $/, '');
    break;
  }
  line.items = [];
  line.afterSpace = true;
}

function isLiteral(name: string): boolean {
  // Preformatted text and task bookkeeping (`ac:task-id`, `ac:task-status`) are taken as written.
  return name === 'pre' || name === 'ac:task-id' || name === 'ac:task-status';
}

function walk(nodes: readonly OutNode[], line: Line): void {
  for (const node of nodes) {
    if (node.kind === 'cdata') continue;
    if (node.kind === 'text') {
      let value = node.text.replace(/[ \t\n\f\r]+/g, ' ');
      if (line.afterSpace) value = value.replace(/^ /, '');
      node.text = value;
      line.items.push(node);
      if (value !== '') line.afterSpace = value.endsWith(' ');
    } else if (node.name === 'br') {
      endLine(line);
    } else if (node.name === 'ac:image') {
      line.items.push('atom');
      line.afterSpace = false;
    } else if (INLINE_WRAPPERS.has(node.name)) {
      walk(node.children, line);
    } else if (isLiteral(node.name)) {
      endLine(line);
    } else {
      endLine(line);
      walk(node.children, line);
      endLine(line);
    }
  }
}

/**
 * Collapses whitespace the way a browser renders it: runs of HTML whitespace become one space,
 * none at the start or end of a line or next to another space across element boundaries.
 * `pre` and CDATA stay exact; U+00A0 is not whitespace here, as in HTML. Mutates in place.
 */
export function collapseWhitespace(nodes: readonly OutNode[]): void {
  const line: Line = { items: [], afterSpace: true };
  walk(nodes, line);
  endLine(line);
}
