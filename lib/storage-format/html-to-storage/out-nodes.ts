/** The storage tree the converter builds; `serialize` turns it into text. */
export interface OutElement {
  kind: 'element';
  name: string;
  attributes: Array<[string, string]>;
  children: OutNode[];
}

export interface OutText {
  kind: 'text';
  text: string;
}

/** Literal text that serializes as one or more CDATA sections (code macro bodies). */
export interface OutCData {
  kind: 'cdata';
  text: string;
}

export type OutNode = OutElement | OutText | OutCData;

/** Elements that start a new block (and so may not sit inside `<p>`). */
const BLOCK_NAMES = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'table',
  'hr',
  'ac:structured-macro',
  'ac:task-list',
]);

/** Inline elements that carry text; anything else breaks the line for whitespace purposes. */
export const INLINE_WRAPPERS = new Set([
  'strong',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'a',
  'span',
]);

export function element(
  name: string,
  attributes: Array<[string, string]> = [],
  children: OutNode[] = [],
): OutElement {
  return { kind: 'element', name, attributes, children };
}

export function text(value: string): OutText {
  return { kind: 'text', text: value };
}

export function isBlock(node: OutNode): node is OutElement {
  return node.kind === 'element' && BLOCK_NAMES.has(node.name);
}

/** True when the nodes show nothing but whitespace or line breaks (no text, no image). */
export function isBlank(nodes: readonly OutNode[]): boolean {
  return nodes.every((node) => {
    if (node.kind !== 'element') return !/[^ \t\n\f\r]/.test(node.text);
    if (node.name === 'br') return true;
    return INLINE_WRAPPERS.has(node.name) && isBlank(node.children);
  });
}
