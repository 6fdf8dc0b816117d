import type { ElementNode } from '../types';
import { renderChildren, type RenderContext } from './render-context';
import { renderPanelBox, type PanelKind } from './macros/panel-macros';
import { attr, childElement, lookup } from './tree';

/**
 * `ac:adf-extension`: Cloud editor nodes with no storage form. Panels (Cloud's info, note,
 * success, warning, error, custom) are drawn from their content like the macro panels; any
 * other node shows its `ac:adf-fallback` (the HTML older readers show), else its content.
 */

const CLOUD_PANELS: Readonly<Record<string, { kind: PanelKind; variant?: string }>> = {
  info: { kind: 'info' },
  note: { kind: 'custom', variant: 'pw-panel-purple' },
  success: { kind: 'tip' },
  tip: { kind: 'tip' },
  warning: { kind: 'note' },
  error: { kind: 'warning' },
  custom: { kind: 'custom', variant: 'pw-panel-grey' },
};

export function renderAdfExtension(ctx: RenderContext, element: ElementNode): void {
  const node = childElement(element, 'ac:adf-node');
  const content = node === undefined ? undefined : childElement(node, 'ac:adf-content');
  const panel = node !== undefined && content !== undefined ? panelOf(node) : undefined;
  if (panel !== undefined) {
    renderPanelBox(ctx, {
      ...panel,
      macro: 'adf-panel',
      title: undefined,
      icon: panel.kind !== 'custom',
      body: content,
    });
    return;
  }
  const fallback = childElement(element, 'ac:adf-fallback');
  const shown = fallback ?? content;
  if (shown === undefined) return;
  ctx.out.open('div', { class: 'pw-adf', 'data-macro': 'adf-extension' });
  renderChildren(ctx, shown.children, false);
  ctx.out.close('div');
}

function panelOf(node: ElementNode): { kind: PanelKind; variant?: string } | undefined {
  if (attr(node, 'type') !== 'panel') return undefined;
  let panelType = 'info';
  for (const child of node.children) {
    if (child.type === 'element' && child.name === 'ac:adf-attribute') {
      if (attr(child, 'key') === 'panel-type') {
        panelType = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      }
    }
  }
  return lookup(CLOUD_PANELS, panelType.trim()) ?? CLOUD_PANELS.info;
}
