import type { ElementNode } from '../../types';
import * as renderContextModule from '../render-context';
import type { RenderContext } from '../render-context';
import * as stylePolicyModule from '../style-policy';
import * as macroCallModule from './macro-call';
import type { MacroCall } from './macro-call';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { renderChildren } = renderContextModule;
const { safeColour, safeLength } = stylePolicyModule;
const { booleanParameter, textParameter } = macroCallModule;

/**
 * Coloured boxes: info/note/tip/warning (fixed colours and icons, Confluence's look) and panel
 * (colours and border from its parameters, each value validated before it reaches a style).
 */

export type PanelKind = 'info' | 'note' | 'tip' | 'warning' | 'success' | 'error' | 'custom';

const ICONS: Readonly<Record<PanelKind, string>> = {
  info: 'ℹ',
  note: '✎',
  tip: '✔',
  success: '✔',
  warning: '⚠',
  error: '✖',
  custom: '',
};

/**
 * Confluence's names and Cloud's differ: `note` is yellow ("Warning" in Cloud) and `warning` is
 * red ("Error"). Cloud's own panel types (purple "Note", "Success", "Error") arrive as ADF
 * extensions and use `variant` to get their colour.
 */
export interface PanelBox {
  kind: PanelKind;
  macro: string;
  title: string | undefined;
  icon: boolean;
  /** Extra class, e.g. for the Cloud note panel. */
  variant?: string;
  body: ElementNode | undefined;
}

/** Writes a standard admonition panel. */
export function renderPanelBox(ctx: RenderContext, box: PanelBox): void {
  const out = ctx.out;
  const className = `pw-panel pw-panel-${box.kind}${box.variant ? ` ${box.variant}` : ''}`;
  out.open('div', { class: className, 'data-macro': box.macro, role: 'note' });
  if (box.icon && ICONS[box.kind] !== '') {
    out.element('span', { class: 'pw-panel-icon', 'aria-hidden': 'true' }, ICONS[box.kind]);
  }
  out.open('div', { class: 'pw-panel-content' });
  if (box.title !== undefined) out.element('p', { class: 'pw-panel-title' }, box.title);
  const body = box.body;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  out.close('div');
  out.close('div');
}

/** info / note / tip / warning macros. */
export function renderAdmonitionMacro(ctx: RenderContext, call: MacroCall): void {
  renderPanelBox(ctx, {
    kind: call.name as PanelKind,
    macro: call.name,
    title: textParameter(call, 'title'),
    icon: booleanParameter(call, 'icon', true),
    body: call.richBody,
  });
}

const BORDER_STYLES: ReadonlySet<string> = new Set([
  'solid',
  'dashed',
  'dotted',
  'double',
  'groove',
  'ridge',
  'inset',
  'outset',
  'none',
]);

/** The `panel` macro with its colour and border parameters. */
export function renderPanelMacro(ctx: RenderContext, call: MacroCall): void {
  const out = ctx.out;
  const borderStyle = textParameter(call, 'borderStyle')?.toLowerCase();
  const borderWidth = safeLength(textParameter(call, 'borderWidth'));
  const boxStyle = [
    borderStyle !== undefined && BORDER_STYLES.has(borderStyle) && `border-style: ${borderStyle}`,
    colourDeclaration('border-color', textParameter(call, 'borderColor')),
    borderWidth !== null && borderWidth.endsWith('px') && `border-width: ${borderWidth}`,
    colourDeclaration('background-color', textParameter(call, 'bgColor')),
  ];
  const titleStyle = [
    colourDeclaration('background-color', textParameter(call, 'titleBGColor')),
    colourDeclaration('color', textParameter(call, 'titleColor')),
  ];
  const title = textParameter(call, 'title');
  const iconText = textParameter(call, 'panelIconText');
  const icon = iconText !== undefined && iconText.length <= 16 ? iconText : undefined;

  out.open('div', { class: 'pw-panel-custom', 'data-macro': 'panel', style: joined(boxStyle) });
  if (title !== undefined) {
    out.open('div', { class: 'pw-panel-header', style: joined(titleStyle) });
    out.text(title);
    out.close('div');
  }
  out.open('div', { class: 'pw-panel-custom-content' });
  if (icon !== undefined && title === undefined) {
    out.element('span', { class: 'pw-panel-icon', 'aria-hidden': 'true' }, icon);
  }
  const body = call.richBody;
  if (body !== undefined) renderChildren(ctx, body.children, false);
  out.close('div');
  out.close('div');
}

function colourDeclaration(property: string, raw: string | undefined): string | false {
  const colour = safeColour(raw);
  return colour !== null && `${property}: ${colour}`;
}

function joined(declarations: Array<string | false>): string {
  return declarations.filter((d): d is string => d !== false).join('; ');
}
