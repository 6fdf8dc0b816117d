import type { ElementNode } from '../types';
import type { Attributes } from './html-writer';
import { anchorId, type RenderContext } from './render-context';
import { filterStyle, type StyleProperty } from './style-policy';
import { safeToken } from './tree';

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
  for (const attribute of element.attributes) {
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
