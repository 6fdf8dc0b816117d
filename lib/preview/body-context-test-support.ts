import { JSDOM } from 'jsdom';

/**
 * For tests that compare parses of preview HTML: parsing in body context as the frame's patcher
 * does (`createContextualFragment` on a range over a body, preview-dom.ts), in jsdom, and one
 * node serialized (elements with their markup, text and comments by kind and content).
 */
export function bodyContextParsing(): {
  parse(html: string): DocumentFragment;
  serialize(node: Node): string;
} {
  const { window } = new JSDOM('<!DOCTYPE html><body>');
  const doc = window.document;
  const serializer = new window.XMLSerializer();
  return {
    parse(html) {
      const range = doc.createRange();
      range.selectNodeContents(doc.body);
      return range.createContextualFragment(html);
    },
    serialize(node) {
      return node.nodeType === 1
        ? serializer.serializeToString(node)
        : `#${node.nodeName}:${node.textContent}`;
    },
  };
}
