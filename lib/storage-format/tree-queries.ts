import type { AttributeNode, ElementNode } from './types';

/**
 * Lookups on one element of the parse tree, shared by the renderer, the semantic checks and the
 * integrity check. Indexed loops, not `for…of` or `find`: the renderer and the checks call these
 * for nearly every element of big pages, where `for…of` over the parser's lists (some are its
 * shared frozen empty list) was not optimised into a plain loop and allocated per item.
 */

/** The attribute named exactly `name` (qualified, e.g. `ac:name`), or undefined. */
export function attributeNamed(element: ElementNode, name: string): AttributeNode | undefined {
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (attribute.name === name) return attribute;
  }
  return undefined;
}

/** Value of the attribute named exactly `name`, or undefined. */
export function attr(element: ElementNode, name: string): string | undefined {
  return attributeNamed(element, name)?.value;
}

/** First child element named `name`, or undefined. */
export function childElement(element: ElementNode, name: string): ElementNode | undefined {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.name === name) return child;
  }
  return undefined;
}
