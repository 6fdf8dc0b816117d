import type { ElementNode } from '../types';
import * as elementAttributes from './element-attributes';
import * as renderContext from './render-context';
import type { RenderContext } from './render-context';
import * as stylePolicy from './style-policy';
import * as tree from './tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { CELL_STYLE, COL_STYLE, commonAttributes, WIDTH_STYLE } = elementAttributes;
const { renderChildren } = renderContext;
const { filterStyle, joinStyles, safeColour } = stylePolicy;
const { attr, lookup, positiveInt, safeToken } = tree;

/** Tables: layout and width, colgroup widths, spans, header scope and Confluence cell colours. */

/** Confluence's legacy named cell highlights (`class="highlight-grey"` …). */
const NAMED_HIGHLIGHTS: Readonly<Record<string, string>> = {
  grey: '#f4f5f7',
  gray: '#f4f5f7',
  red: '#ffebe6',
  green: '#e3fcef',
  blue: '#deebff',
  yellow: '#fffae6',
  purple: '#eae6ff',
  teal: '#e6fcff',
};

const SCOPES: ReadonlySet<string> = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/** `<table>` in a scrolling wrapper (wide tables must not widen the preview). */
export function renderTable(ctx: RenderContext, element: ElementNode): void {
  const attributes = commonAttributes(ctx, element, undefined);
  const declaredWidth = positiveInt(attr(element, 'data-table-width'), 100_000);
  const style = joinStyles(
    filterStyle(attr(element, 'style'), WIDTH_STYLE),
    declaredWidth !== undefined && `max-width: 100%; width: ${declaredWidth}px`,
  );
  const out = ctx.out;
  out.open('div', { class: 'pw-table-wrap' });
  out.open('table', {
    ...attributes,
    class: 'pw-table',
    style,
    'data-layout': safeToken(attr(element, 'data-layout')),
  });
  renderChildren(ctx, element.children, false);
  out.close('table');
  out.close('div');
}

/** `<th>`/`<td>` with spans, scope, allowlisted styles and highlight colours. */
export function renderCell(ctx: RenderContext, element: ElementNode, tag: 'th' | 'td'): void {
  if (element.attributes.length === 0) {
    // Nothing to carry over or compute: the bare tag, without building an attribute record.
    ctx.out.open(tag);
    renderChildren(ctx, element.children, false);
    ctx.out.close(tag);
    return;
  }
  const attributes = commonAttributes(ctx, element, CELL_STYLE);
  const highlight = cellHighlight(element);
  if (highlight !== null) {
    attributes.style = joinStyles(attributes.style as string, `background-color: ${highlight}`);
  }
  const scope = attr(element, 'scope');
  attributes.colspan = positiveInt(attr(element, 'colspan'), 1000);
  attributes.rowspan = positiveInt(attr(element, 'rowspan'), 65_534);
  attributes.scope = scope !== undefined && SCOPES.has(scope) ? scope : undefined;
  ctx.out.open(tag, attributes);
  renderChildren(ctx, element.children, false);
  ctx.out.close(tag);
}

/** `<col>`: span and width (from `style` or the old `width` attribute). */
export function renderCol(ctx: RenderContext, element: ElementNode): void {
  const widthAttribute = attr(element, 'width');
  const style = joinStyles(
    filterStyle(attr(element, 'style'), COL_STYLE),
    widthAttribute !== undefined && filterStyle(`width: ${widthAttribute}`, WIDTH_STYLE),
  );
  ctx.out.void('col', { span: positiveInt(attr(element, 'span'), 1000), style });
}

/** Background of a highlighted cell: `data-highlight-colour`, else a `highlight-…` class. */
function cellHighlight(element: ElementNode): string | null {
  const explicit = safeColour(attr(element, 'data-highlight-colour'));
  if (explicit !== null) return explicit;
  const classes = attr(element, 'class');
  if (classes === undefined) return null;
  for (const name of classes.split(' ')) {
    if (!name.startsWith('highlight-')) continue;
    const value = name.slice('highlight-'.length);
    const named = lookup(NAMED_HIGHLIGHTS, value.toLowerCase());
    if (named !== undefined) return named;
    const colour = safeColour(value);
    if (colour !== null) return colour;
  }
  return null;
}
