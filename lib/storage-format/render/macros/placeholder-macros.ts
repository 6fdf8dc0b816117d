import type { TagName } from '../html-writer';
import { renderChildren, type RenderContext } from '../render-context';
import { macroLabel } from './known-macros';
import type { MacroCall } from './macro-call';

/**
 * Macros the preview does not draw: known dynamic macros (children, jira, include …) as a
 * labelled placeholder, and the `html` macro and unknown macros as an inert labelled box. In
 * all of them the name and parameters are TEXT, plain bodies (CDATA) are TEXT; only a rich
 * body — ordinary storage content, rendered by the same safe renderer — shows as content.
 */

export type PlaceholderFidelity = 'placeholder' | 'unknown' | 'inert';

const NOTES: Readonly<Record<PlaceholderFidelity, string>> = {
  placeholder: 'shown by Confluence',
  unknown: 'unknown macro',
  inert: 'not rendered in the preview',
};

/** Writes the placeholder box for `call`. */
export function renderMacroPlaceholder(
  ctx: RenderContext,
  call: MacroCall,
  fidelity: PlaceholderFidelity,
): void {
  const out = ctx.out;
  const box: TagName = ctx.inline ? 'span' : 'div';
  const part: TagName = ctx.inline ? 'span' : 'div';
  const label =
    fidelity === 'placeholder'
      ? (macroLabel(call.name) ?? call.displayName)
      : call.name === 'html'
        ? 'HTML macro'
        : call.displayName || '(unnamed macro)';
  out.open(box, {
    class: `pw-macro pw-macro-${fidelity}`,
    'data-macro': call.name,
    'data-fidelity': fidelity,
  });
  out.open(part, { class: 'pw-macro-head' });
  out.element('span', { class: 'pw-macro-name' }, label);
  out.element('span', { class: 'pw-macro-note' }, ` (${NOTES[fidelity]})`);
  out.close(part);
  if (call.parameters.size > 0) {
    out.open(part, { class: 'pw-macro-params' });
    for (const [name, value] of call.parameters) {
      out.open('span', { class: 'pw-macro-param' });
      out.element('span', { class: 'pw-macro-param-name' }, name === '' ? 'default' : name);
      out.text(' = ');
      out.element('span', { class: 'pw-macro-param-value' }, value);
      out.close('span');
    }
    out.close(part);
  }
  const plain = call.plainBody;
  if (plain !== undefined && plain.trim() !== '') {
    const tag = ctx.inline ? 'code' : 'pre';
    out.open(tag, { class: 'pw-macro-plain-body' });
    if (tag === 'pre') out.guardPreStart(plain);
    out.text(plain);
    out.close(tag);
  }
  const rich = call.richBody;
  if (rich !== undefined) {
    out.open(part, { class: 'pw-macro-body' });
    renderChildren(ctx, rich.children, ctx.inline);
    out.close(part);
  }
  out.close(box);
}
