import { isBlock, type OutNode } from './out-nodes';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE,
 * U+FFFF). Woodstox rejects the whole body on any of them, so they are dropped.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

/** Text escaping: `>` too, so `]]>` can never appear; U+00A0 visibly as `&#160;`. */
export function escapeText(value: string): string {
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&#160;');
}

/** Attribute escaping; tabs and line breaks as references so attribute normalisation keeps them. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** CDATA cannot contain `]]>`: end the section between `]]` and `>` and start a new one. */
export function cdata(value: string): string {
  return `<![CDATA[${stripInvalidXmlChars(value).split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/** Elements written self-closed when empty; everything else gets an explicit end tag. */
const SELF_CLOSING = new Set(['br', 'hr', 'col', 'ri:url', 'ri:attachment']);

function serializeNode(node: OutNode): string {
  if (node.kind === 'text') return escapeText(node.text);
  if (node.kind === 'cdata') return cdata(node.text);
  const attributes = node.attributes
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  if (node.children.length === 0 && SELF_CLOSING.has(node.name)) {
    return `<${node.name}${attributes}/>`;
  }
  return `<${node.name}${attributes}>${node.children.map(serializeNode).join('')}</${node.name}>`;
}

/** Writes storage format: one top-level block per line, everything inside on that line. */
export function serialize(nodes: readonly OutNode[]): string {
  return nodes
    .map((node) => serializeNode(node) + (isBlock(node) ? '\n' : ''))
    .join('')
    .trimEnd();
}
