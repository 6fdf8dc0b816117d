import type { ElementNode } from '../../types';
import type { RenderContext } from '../render-context';
import { renderCodeMacro, renderNoformatMacro } from './code-macros';
import * as knownMacrosModule from './known-macros';
import * as macroCallModule from './macro-call';
import type { MacroCall } from './macro-call';
import { renderAdmonitionMacro, renderPanelMacro } from './panel-macros';
import * as placeholderMacrosModule from './placeholder-macros';
import {
  renderAnchorMacro,
  renderColumnMacro,
  renderDetailsMacro,
  renderExcerptMacro,
  renderExpandMacro,
  renderSectionMacro,
  renderStatusMacro,
} from './simple-macros';
import { renderTocMacro } from './toc-macro';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { isKnownMacro } = knownMacrosModule;
const { readMacroCall } = macroCallModule;
const { renderMacroPlaceholder } = placeholderMacrosModule;

/**
 * Macro dispatch: the preview's own renderers first, then "known to Confluence" placeholders,
 * then the unknown-macro box. `html` is deliberately inert (docs/security.md XSS-7).
 */

type MacroRenderer = (ctx: RenderContext, call: MacroCall) => void;

const RENDERERS: ReadonlyMap<string, MacroRenderer> = new Map<string, MacroRenderer>([
  ['code', renderCodeMacro],
  ['noformat', renderNoformatMacro],
  ['info', renderAdmonitionMacro],
  ['note', renderAdmonitionMacro],
  ['tip', renderAdmonitionMacro],
  ['warning', renderAdmonitionMacro],
  ['panel', renderPanelMacro],
  ['expand', renderExpandMacro],
  ['status', renderStatusMacro],
  ['toc', (ctx, call) => renderTocMacro(ctx, call.parameters)],
  ['anchor', renderAnchorMacro],
  ['excerpt', renderExcerptMacro],
  ['details', renderDetailsMacro],
  ['section', renderSectionMacro],
  ['column', renderColumnMacro],
  ['html', (ctx, call) => renderMacroPlaceholder(ctx, call, 'inert')],
]);

/** Renders an `ac:structured-macro` or legacy `ac:macro` element. */
export function renderMacro(ctx: RenderContext, element: ElementNode): void {
  const call = readMacroCall(element);
  const renderer = RENDERERS.get(call.name);
  if (renderer !== undefined) renderer(ctx, call);
  else if (call.name !== '' && isKnownMacro(call.name)) {
    renderMacroPlaceholder(ctx, call, 'placeholder');
  } else renderMacroPlaceholder(ctx, call, 'unknown');
}
