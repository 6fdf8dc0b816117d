import type { ElementNode } from '../types';
import type { Attributes } from './html-writer';
import * as renderContextModule from './render-context';
import type { RenderContext } from './render-context';
import * as stylePolicyModule from './style-policy';
import type { StyleProperty } from './style-policy';
import * as treeModule from './tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { anchorId } = renderContextModule;
const { filterStyle } = stylePolicyModule;
const { safeToken } = treeModule;

/** Which attributes of a plain XHTML element carry over, and which style properties each keeps. */

export const TEXT_STYLE: ReadonlySet<StyleProperty> = new Set<StyleProperty>([
  'color',
  'background-color',
  'text-decoration',
  'font-weight',
  'font-style',
]);

export const BLOCK_STYLE: ReadonlySet<StyleProperty> = new Set<StyleProperty>([
  ...TEXT_STYLE,
  'text-align',
  'margin-left',
  'padding-left',
]);

export const CELL_STYLE: ReadonlySet<StyleProperty> = new Set<StyleProperty>([
  ...TEXT_STYLE,
  'text-align',
  'vertical-align',
  'width',
]);

export const WIDTH_STYLE: ReadonlySet<StyleProperty> = new Set<StyleProperty>(['width']);

export const COL_STYLE: ReadonlySet<StyleProperty> = new Set<StyleProperty>([
  'width',
  'background-color',
]);

const DIRECTIONS: ReadonlySet<string> = new Set(['ltr', 'rtl', 'auto']);

/**
 * `commonAttributes`, or undefined when the element has no attributes at all, so the writer
 * emits the bare tag. Most elements of a page (`p`, `strong`, `tr`, `li` …) have none, and a
 * fresh empty record for each of them was a good part of a big render's garbage.
 */
export function commonAttributesIfAny(
  ctx: RenderContext,
  element: ElementNode,
  styles: ReadonlySet<StyleProperty> | undefined,
): Attributes | undefined {
  return element.attributes.length === 0 ? undefined : commonAttributes(ctx, element, styles);
}

/**
 * The attributes every rendered XHTML element may keep: `id` (as an anchor target), `title`,
 * `dir`, `lang`, and `style` filtered through `styles` (none when `styles` is undefined).
 * One pass over the source attributes; everything else is dropped.
 */
export function commonAttributes(
  ctx: RenderContext,
  element: ElementNode,
  styles: ReadonlySet<StyleProperty> | undefined,
): Attributes {
  const out: Attributes = {};
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    const value = attribute.value;
    switch (attribute.name) {
      case 'id':
        if (value.trim() !== '') out.id = anchorId(ctx, value);
        break;
      case 'title':
        out.title = value;
        break;
      case 'dir':
        if (DIRECTIONS.has(value)) out.dir = value;
        break;
      case 'lang':
        out.lang = safeToken(value);
        break;
      case 'style':
        if (styles !== undefined) out.style = filterStyle(value, styles);
        break;
    }
  }
  return out;
}
