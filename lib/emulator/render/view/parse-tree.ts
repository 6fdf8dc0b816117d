import { SaxesParser } from 'saxes';

import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

/** A minimal tree of a storage body, enough to render it. Names keep their prefix (`ac:link`). */
export type StorageNode = StorageElement | { type: 'text'; text: string };

export interface StorageElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: StorageNode[];
}

const WRAPPER =
  '<xml xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/"' +
  ' xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">';

/** Parses a body that already passed the XHTML check; returns the wrapper element's children. */
export function parseStorageTree(body: string): StorageNode[] {
  const parser = new SaxesParser({ xmlns: true });
  const entities = parser.ENTITIES as Record<string, string>;
  for (const [name, value] of XHTML_ENTITIES) entities[name] = value;
  const root: StorageElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: StorageElement[] = [root];
  const top = (): StorageElement => stack[stack.length - 1]!;
  const addText = (text: string): void => {
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') last.text += text;
    else siblings.push({ type: 'text', text });
  };
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      if (!name.startsWith('xmlns'))
        attrs[name] = typeof attribute === 'string' ? attribute : attribute.value;
    }
    const element: StorageElement = { type: 'element', name: tag.name, attrs, children: [] };
    top().children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(WRAPPER + body + '</xml>').close();
  const wrapper = root.children[0];
  return wrapper?.type === 'element' ? wrapper.children : [];
}

/** Concatenated text of a node. */
export function textOf(node: StorageNode): string {
  return node.type === 'text' ? node.text : node.children.map(textOf).join('');
}

/** First child element named `name`. */
export function childElement(node: StorageElement, name: string): StorageElement | undefined {
  return node.children.find(
    (child): child is StorageElement => child.type === 'element' && child.name === name,
  );
}
