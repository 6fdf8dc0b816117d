import type { ParseResult, StorageNode } from '../types';

/**
 * Everything a parse result carries, as plain data to compare with `toEqual`: every node's kind,
 * name, value and source ranges (attributes included), the diagnostics and Confluence's answer.
 */
export function parseShape(result: ParseResult): unknown {
  return {
    children: result.document.children.map(nodeShape),
    span: result.document.span,
    diagnostics: result.diagnostics,
    confluenceError: result.confluenceError,
    lineCount: result.positions.lineCount,
  };
}

function nodeShape(node: StorageNode): unknown {
  if (node.type === 'element') {
    return {
      name: node.name,
      prefix: node.prefix,
      selfClosing: node.selfClosing,
      span: node.span,
      openTag: node.openTag,
      closeTag: node.closeTag,
      attributes: node.attributes.map((a) => [a.name, a.value, a.span, a.valueSpan]),
      children: node.children.map(nodeShape),
    };
  }
  if (node.type === 'processing-instruction') return [node.type, node.target, node.data, node.span];
  return [node.type, node.value, node.span];
}
