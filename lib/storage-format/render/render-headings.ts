import type { ElementNode } from '../types';
import * as elementAttributesModule from './element-attributes';
import * as renderContextModule from './render-context';
import type { RenderContext } from './render-context';
import * as treeModule from './tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { BLOCK_STYLE, commonAttributes } = elementAttributesModule;
const { ID_PREFIX, uniqueAnchorKey, renderChildren } = renderContextModule;
const { attr, collapseWhitespace, visibleText } = treeModule;

/**
 * Headings get an id (the one written in the body, else one made from the text the way
 * Confluence's anchors are: whitespace removed) and are recorded for the toc macro.
 */
export function renderHeading(ctx: RenderContext, element: ElementNode, level: number): void {
  const tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  const text = collapseWhitespace(visibleText(element));
  const attributes = commonAttributes(ctx, element, BLOCK_STYLE);
  const written = attr(element, 'id');
  let key: string;
  if (written !== undefined && written.trim() !== '') {
    // commonAttributes registered it already.
    key = String(attributes.id).slice(ctx.idPrefix.length);
  } else {
    key = uniqueAnchorKey(ctx, text);
    ctx.usedIds.add(key);
    attributes.id = ctx.idPrefix + key;
  }
  ctx.headings.push({ level, text, targetId: ID_PREFIX + key });
  ctx.out.open(tag, attributes);
  renderChildren(ctx, element.children, true);
  ctx.out.close(tag);
}
