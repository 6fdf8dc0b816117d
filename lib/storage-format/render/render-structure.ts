import type { ElementNode } from '../types';
import * as renderContextModule from './render-context';
import type { RenderContext } from './render-context';
import * as treeModule from './tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { renderChildren } = renderContextModule;
const { attr, childElement, safeToken, visibleText } = treeModule;

/**
 * Confluence structure elements: task lists, page layouts, dates, template placeholders and
 * inline-comment markers.
 */

/** `ac:task-list` as a list of inert checkbox visuals (never form controls). */
export function renderTaskList(ctx: RenderContext, element: ElementNode): void {
  ctx.out.open('ul', { class: 'pw-task-list' });
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.name === 'ac:task') renderTask(ctx, child);
    else if (child.type === 'element') ctx.renderNodes([child]);
  }
  ctx.out.close('ul');
}

/** One `ac:task`; also used for a stray task outside a list (then wrapped in its own list). */
export function renderTask(ctx: RenderContext, task: ElementNode): void {
  const status = childElement(task, 'ac:task-status');
  const complete = status !== undefined && visibleTextOf(status) === 'complete';
  const out = ctx.out;
  out.open('li', { class: complete ? 'pw-task pw-task-complete' : 'pw-task' });
  out.element(
    'span',
    {
      class: 'pw-checkbox',
      role: 'checkbox',
      'aria-checked': complete ? 'true' : 'false',
      'aria-disabled': 'true',
    },
    complete ? '☑' : '☐',
  );
  const body = childElement(task, 'ac:task-body');
  out.open('div', { class: 'pw-task-body' });
  if (body !== undefined) renderChildren(ctx, body.children, false);
  out.close('div');
  out.close('li');
}

function visibleTextOf(element: ElementNode): string {
  let text = '';
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' || child.type === 'cdata') text += child.value;
  }
  return text.trim();
}

/** `ac:layout` › `ac:layout-section` (a row; widths by `ac:type` in the CSS) › `ac:layout-cell`. */
export function renderLayoutPart(ctx: RenderContext, element: ElementNode): void {
  const out = ctx.out;
  switch (element.name) {
    case 'ac:layout':
      out.open('div', { class: 'pw-layout' });
      break;
    case 'ac:layout-section':
      out.open('div', {
        class: 'pw-layout-section',
        'data-layout': safeToken(attr(element, 'ac:type')) ?? 'single',
      });
      break;
    default:
      out.open('div', { class: 'pw-layout-cell' });
  }
  renderChildren(ctx, element.children, false);
  out.close('div');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `2020-01-05` → `5 Jan 2020` (fixed English, so previews and tests do not vary by locale). */
export function formatDate(datetime: string): string | null {
  const match = ISO_DATE.exec(datetime.trim());
  if (match === null) return null;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return null;
  return `${day} ${month} ${match[1]}`;
}

/** `<time datetime>` as a date lozenge; its own text wins when it has some. */
export function renderTime(ctx: RenderContext, element: ElementNode): void {
  const datetime = attr(element, 'datetime') ?? '';
  const formatted = formatDate(datetime);
  const out = ctx.out;
  out.open('time', {
    class: 'pw-date',
    datetime: formatted === null ? undefined : datetime.trim(),
  });
  if (visibleText(element).trim() !== '') ctx.renderNodes(element.children);
  else out.text(formatted ?? datetime);
  out.close('time');
}

/** `ac:placeholder`: template instruction text, shown in italics as the editor shows it. */
export function renderPlaceholder(ctx: RenderContext, element: ElementNode): void {
  ctx.out.open('span', { class: 'pw-placeholder', 'data-fidelity': 'editor-only' });
  renderChildren(ctx, element.children, true);
  ctx.out.close('span');
}

/** `ac:inline-comment-marker`: the commented span, highlighted. */
export function renderInlineCommentMarker(ctx: RenderContext, element: ElementNode): void {
  ctx.out.open('mark', { class: 'pw-inline-comment' });
  renderChildren(ctx, element.children, true);
  ctx.out.close('mark');
}
