import * as renderContextModule from '../render-context';
import type { RenderContext } from '../render-context';
import * as stylePolicyModule from '../style-policy';
import * as treeModule from '../tree';
import * as macroCallModule from './macro-call';
import type { MacroCall } from './macro-call';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { anchorId, renderChildren } = renderContextModule;
const { safeLength } = stylePolicyModule;
const { lookup } = treeModule;
const { booleanParameter, textParameter } = macroCallModule;

/** expand, status, anchor, excerpt, details (page properties), and the old section/column. */

/** `expand`: a native `<details>`, closed as on the page. */
export function renderExpandMacro(ctx: RenderContext, call: MacroCall): void {
  const out = ctx.out;
  out.open('details', { class: 'pw-expand', 'data-macro': 'expand' });
  out.element('summary', undefined, textParameter(call, 'title') ?? 'Click here to expand...');
  out.open('div', { class: 'pw-expand-body' });
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  out.close('div');
  out.close('details');
}

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  grey: 'Grey',
  gray: 'Grey',
  red: 'Red',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
};

/** `status`: a lozenge; solid by default, outlined when subtle. */
export function renderStatusMacro(ctx: RenderContext, call: MacroCall): void {
  const requested = textParameter(call, 'colour') ?? textParameter(call, 'color') ?? 'Grey';
  const lower = requested.toLowerCase();
  const key = lower === 'gray' ? 'grey' : lower;
  const colour = lookup(STATUS_COLOURS, key) !== undefined ? key : 'grey';
  const subtle = booleanParameter(call, 'subtle', false);
  ctx.out.element(
    'span',
    {
      class: `pw-status pw-status-${colour}${subtle ? ' pw-status-subtle' : ''}`,
      'data-macro': 'status',
    },
    call.parameters.get('title') ?? lookup(STATUS_COLOURS, colour) ?? 'Grey',
  );
}

/** `anchor`: an invisible link target named by its default parameter. */
export function renderAnchorMacro(ctx: RenderContext, call: MacroCall): void {
  const name = textParameter(call, '') ?? textParameter(call, 'anchor');
  if (name === undefined) return;
  ctx.out.element(
    'span',
    { class: 'pw-anchor', id: anchorId(ctx, name), 'data-macro': 'anchor' },
    '',
  );
}

/** `excerpt`: its body where it stands, unless `hidden`. */
export function renderExcerptMacro(ctx: RenderContext, call: MacroCall): void {
  if (booleanParameter(call, 'hidden', false)) return;
  const inline =
    ctx.inline || textParameter(call, 'atlassian-macro-output-type')?.toUpperCase() === 'INLINE';
  const tag = inline ? 'span' : 'div';
  ctx.out.open(tag, { class: 'pw-excerpt', 'data-macro': 'excerpt' });
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, inline);
  ctx.out.close(tag);
}

/** `details` (Page Properties): its key/value table; a hidden one is shown dimmed and labelled. */
export function renderDetailsMacro(ctx: RenderContext, call: MacroCall): void {
  const hidden = booleanParameter(call, 'hidden', false);
  const out = ctx.out;
  out.open('div', {
    class: hidden ? 'pw-details pw-details-hidden' : 'pw-details',
    'data-macro': 'details',
  });
  if (hidden) {
    out.element('div', { class: 'pw-macro-note' }, 'Page properties (hidden on the page)');
  }
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  out.close('div');
}

/** Old `section` macro: its `column` macros side by side. */
export function renderSectionMacro(ctx: RenderContext, call: MacroCall): void {
  ctx.out.open('div', {
    class: booleanParameter(call, 'border', false) ? 'pw-section pw-section-border' : 'pw-section',
    'data-macro': 'section',
  });
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  ctx.out.close('div');
}

/** Old `column` macro with its optional `width`. */
export function renderColumnMacro(ctx: RenderContext, call: MacroCall): void {
  const width = safeLength(textParameter(call, 'width'));
  ctx.out.open('div', {
    class: 'pw-column',
    'data-macro': 'column',
    style: width === null ? undefined : `flex: 0 0 ${width}`,
  });
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  ctx.out.close('div');
}
