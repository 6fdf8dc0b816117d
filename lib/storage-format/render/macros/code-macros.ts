import type { RenderContext } from '../render-context';
import * as macroCallModule from './macro-call';
import type { MacroCall } from './macro-call';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { booleanParameter, textParameter } = macroCallModule;

/**
 * `code` and `noformat`: the CDATA body as escaped text in `<pre>`, never markup. The code
 * macro gets a title/language bar, optional line numbers (CSS counters, so copying the code
 * does not copy the numbers) starting at `firstline`, and `collapse` as a closed `<details>`.
 */

export function renderCodeMacro(ctx: RenderContext, call: MacroCall): void {
  const out = ctx.out;
  const code = call.plainBody ?? '';
  const title = textParameter(call, 'title');
  const written = textParameter(call, 'language') ?? textParameter(call, '');
  // `none` is Confluence's "no highlighting", not a language worth a label.
  const language = written?.toLowerCase() === 'none' ? undefined : written;
  const numbered = booleanParameter(call, 'linenumbers', false);
  const collapsed = booleanParameter(call, 'collapse', false);
  const firstLine = Number(textParameter(call, 'firstline') ?? '1');
  const start = Number.isInteger(firstLine) && Math.abs(firstLine) < 1e9 ? firstLine : 1;

  if (collapsed) {
    out.open('details', { class: 'pw-code', 'data-macro': 'code' });
    out.element('summary', { class: 'pw-code-bar' }, title ?? 'Expand source');
  } else {
    out.open('div', { class: 'pw-code', 'data-macro': 'code' });
    if (title !== undefined || language !== undefined) {
      out.open('div', { class: 'pw-code-bar' });
      if (title !== undefined) out.element('span', { class: 'pw-code-title' }, title);
      if (language !== undefined) out.element('span', { class: 'pw-code-language' }, language);
      out.close('div');
    }
  }
  out.open('pre', { class: 'pw-code-body' });
  if (numbered) {
    out.open('code', { class: 'pw-code-numbered', style: `counter-reset: pw-line ${start - 1}` });
    writeNumberedLines(ctx, code);
  } else {
    out.open('code');
    out.text(code);
  }
  out.close('code');
  out.close('pre');
  out.close(collapsed ? 'details' : 'div');
}

export function renderNoformatMacro(ctx: RenderContext, call: MacroCall): void {
  const noPanel = booleanParameter(call, 'nopanel', false);
  ctx.out.open('pre', {
    class: noPanel ? 'pw-noformat pw-nopanel' : 'pw-noformat',
    'data-macro': 'noformat',
  });
  writePreText(ctx, call.plainBody ?? '');
  ctx.out.close('pre');
}

function writePreText(ctx: RenderContext, text: string): void {
  ctx.out.guardPreStart(text);
  ctx.out.text(text);
}

function writeNumberedLines(ctx: RenderContext, code: string): void {
  const lines = code.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    ctx.out.element(
      'span',
      { class: 'pw-code-line' },
      line.endsWith('\r') ? line.slice(0, -1) : line,
    );
    ctx.out.text('\n');
  }
}
