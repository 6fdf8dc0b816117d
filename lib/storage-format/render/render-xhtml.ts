import * as elementKindsModule from '../element-kinds';
import type { ElementNode } from '../types';
import * as elementAttributes from './element-attributes';
import type { TagName } from './html-writer';
import * as renderImagesModule from './render-images';
import * as renderLinksModule from './render-links';
import * as renderHeadingsModule from './render-headings';
import * as renderContext from './render-context';
import type { RenderContext } from './render-context';
import * as renderStructureModule from './render-structure';
import * as tables from './render-tables';
import * as knownMacrosModule from './macros/known-macros';
import * as tree from './tree';
import type { StyleProperty } from './style-policy';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { BLOCK_STYLE, commonAttributes, commonAttributesIfAny, TEXT_STYLE } = elementAttributes;
const { renderChildren } = renderContext;
const { renderCell, renderCol, renderTable } = tables;
const { attr, positiveInt } = tree;
const { isBlockElement } = elementKindsModule;
const { isInlineMacro } = knownMacrosModule;
const { renderPlainImage } = renderImagesModule;
const { renderAnchorElement } = renderLinksModule;
const { renderHeading } = renderHeadingsModule;
const { renderTime } = renderStructureModule;

/**
 * Plain XHTML elements. Each known name maps to an allowlisted output tag; `<b>`/`<i>`/`<tt>`
 * become `strong`/`em`/`code` as Confluence saves them. Unknown names render only their
 * children; elements that could script, submit or embed are replaced by a labelled note.
 */

interface SimpleElement {
  tag: TagName;
  /** Whether the children are phrasing content (macros inside render as inline boxes). */
  inline: boolean;
  styles: ReadonlySet<StyleProperty> | undefined;
  className?: string;
}

function inline(tag: TagName, className?: string): SimpleElement {
  return { tag, inline: true, styles: TEXT_STYLE, className };
}

function block(tag: TagName, className?: string): SimpleElement {
  return { tag, inline: false, styles: BLOCK_STYLE, className };
}

const SIMPLE_ELEMENTS: ReadonlyMap<string, SimpleElement> = new Map(
  Object.entries({
    strong: inline('strong'),
    b: inline('strong'),
    em: inline('em'),
    i: inline('em'),
    u: inline('u'),
    s: inline('s'),
    strike: inline('s'),
    del: inline('del'),
    ins: inline('ins'),
    sub: inline('sub'),
    sup: inline('sup'),
    code: inline('code'),
    tt: inline('code'),
    kbd: inline('kbd'),
    samp: inline('samp'),
    var: inline('var'),
    small: inline('small'),
    big: inline('span', 'pw-big'),
    span: inline('span'),
    font: inline('span'),
    abbr: inline('abbr'),
    acronym: inline('abbr'),
    cite: inline('cite'),
    q: inline('q'),
    mark: inline('mark'),
    dfn: inline('dfn'),
    label: inline('span'),
    blockquote: block('blockquote'),
    div: block('div'),
    center: block('div', 'pw-center'),
    section: block('div'),
    article: block('div'),
    aside: block('div'),
    header: block('div'),
    footer: block('div'),
    nav: block('div'),
    main: block('div'),
    address: block('div'),
    figure: block('figure'),
    figcaption: block('figcaption'),
    dl: block('dl'),
    dt: block('dt'),
    dd: block('dd'),
    ul: block('ul'),
    caption: block('caption'),
    thead: block('thead'),
    tbody: block('tbody'),
    tfoot: block('tfoot'),
    tr: block('tr'),
    colgroup: { tag: 'colgroup', inline: false, styles: undefined },
    summary: inline('summary'),
  }),
);

/** Shown as a labelled note, never rendered: they could script, submit, embed or restyle. */
const BLOCKED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'video',
  'audio',
  'canvas',
  'template',
  'noscript',
  'base',
  'meta',
  'link',
  'portal',
]);

/** Document wrappers and metadata: the body shows, the head does not. */
const SILENT_ELEMENTS: ReadonlySet<string> = new Set(['head', 'title']);

/** Renders a plain (unprefixed) XHTML element. */
export function renderXhtmlElement(ctx: RenderContext, element: ElementNode): void {
  const name = element.localName;
  const simple = SIMPLE_ELEMENTS.get(name);
  if (simple !== undefined) {
    renderSimple(ctx, element, simple);
    return;
  }
  const out = ctx.out;
  switch (name) {
    case 'p':
      return renderParagraph(ctx, element);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return renderHeading(ctx, element, Number(name[1]));
    case 'a':
      return renderAnchorElement(ctx, element);
    case 'img':
      return renderPlainImage(ctx, element);
    case 'br':
      return out.void('br');
    case 'hr':
      return out.void('hr');
    case 'pre':
      return renderPre(ctx, element);
    case 'ol':
      return renderOrderedList(ctx, element);
    case 'li':
      out.open(
        'li',
        element.attributes.length === 0
          ? undefined
          : {
              ...commonAttributes(ctx, element, BLOCK_STYLE),
              value: positiveInt(attr(element, 'value'), 1_000_000),
            },
      );
      renderChildren(ctx, element.children, false);
      return out.close('li');
    case 'table':
      return renderTable(ctx, element);
    case 'th':
    case 'td':
      return renderCell(ctx, element, name);
    case 'col':
      return renderCol(ctx, element);
    case 'time':
      return renderTime(ctx, element);
    case 'details':
      out.open('details', { ...commonAttributes(ctx, element, BLOCK_STYLE), open: true });
      renderChildren(ctx, element.children, false);
      return out.close('details');
    default:
      if (SILENT_ELEMENTS.has(name)) return;
      if (BLOCKED_ELEMENTS.has(name)) return renderBlockedNote(ctx, name);
      // html, body and any unknown name: the content shows, the element itself does not.
      ctx.renderNodes(element.children);
  }
}

function renderSimple(ctx: RenderContext, element: ElementNode, simple: SimpleElement): void {
  let attributes = commonAttributesIfAny(ctx, element, simple.styles);
  if (simple.className !== undefined) (attributes ??= {}).class = simple.className;
  ctx.out.open(simple.tag, attributes);
  renderChildren(ctx, element.children, simple.inline);
  ctx.out.close(simple.tag);
}

/**
 * A `<p>` holding block content (a panel macro, a table …) is written as a `<div>`: an HTML
 * parser would otherwise close the paragraph early and leave stray empty ones behind.
 */
function renderParagraph(ctx: RenderContext, element: ElementNode): void {
  const holdsBlocks = holdsBlockContent(element);
  const tag = holdsBlocks ? 'div' : 'p';
  let attributes = commonAttributesIfAny(ctx, element, BLOCK_STYLE);
  if (holdsBlocks) (attributes ??= {}).class = 'pw-p';
  ctx.out.open(tag, attributes);
  renderChildren(ctx, element.children, !holdsBlocks);
  ctx.out.close(tag);
}

function holdsBlockContent(element: ElementNode): boolean {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    const isMacro = child.name === 'ac:structured-macro' || child.name === 'ac:macro';
    if (isMacro ? !isInlineMacro(attr(child, 'ac:name') ?? '') : isBlockElement(child.name)) {
      return true;
    }
  }
  return false;
}

function renderPre(ctx: RenderContext, element: ElementNode): void {
  ctx.out.open('pre', commonAttributesIfAny(ctx, element, BLOCK_STYLE));
  const first = element.children[0];
  ctx.out.guardPreStart(first?.type === 'text' ? first.value : undefined);
  renderChildren(ctx, element.children, true);
  ctx.out.close('pre');
}

const LIST_TYPES: ReadonlySet<string> = new Set(['1', 'a', 'A', 'i', 'I']);

function renderOrderedList(ctx: RenderContext, element: ElementNode): void {
  const type = attr(element, 'type');
  const start = attr(element, 'start');
  const startNumber = start === undefined ? undefined : Number(start.trim());
  ctx.out.open('ol', {
    ...commonAttributes(ctx, element, BLOCK_STYLE),
    start: Number.isInteger(startNumber) ? startNumber : undefined,
    type: type !== undefined && LIST_TYPES.has(type) ? type : undefined,
  });
  renderChildren(ctx, element.children, false);
  ctx.out.close('ol');
}

function renderBlockedNote(ctx: RenderContext, name: string): void {
  ctx.out.element(
    'span',
    { class: 'pw-blocked', 'data-fidelity': 'blocked' },
    `<${name}> not shown in the preview`,
  );
}
