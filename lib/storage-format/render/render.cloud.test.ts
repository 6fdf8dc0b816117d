import { describe, expect, it } from 'vitest';

import { CLOUD_EDITOR_BODY } from '../testing/cloud-editor-body';
import { renderToBody } from './render-test-support';

/** Through the whole pipeline, DOMPurify included: what the frame gets. */
const render = (body: string) => renderToBody(body);

describe('the preview of the Cloud editor’s markup', () => {
  it('renders an ac:adf-extension through its fallback', () => {
    const body = render(CLOUD_EDITOR_BODY);
    const decisions = Array.from(body.querySelectorAll('[data-macro="adf-extension"]'));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.querySelector('ul > li')?.textContent).toBe('Ship it');
    // The node's own attributes (state, local ids) are data, not text.
    expect(body.textContent).not.toContain('DECIDED');
    expect(body.textContent).not.toContain('d1');
  });

  it('renders a node without a fallback through the content it carries', () => {
    const body = render(
      '<ac:adf-extension><ac:adf-node type="nested-expand"><ac:adf-attribute key="title">T</ac:adf-attribute>' +
        '<ac:adf-content><p>Inside</p></ac:adf-content></ac:adf-node></ac:adf-extension>',
    );
    expect(body.querySelector('.pw-adf p')?.textContent).toBe('Inside');
    expect(body.textContent).toBe('Inside');
  });

  it('draws a Cloud panel from the node, not from the fallback', () => {
    const body = render(CLOUD_EDITOR_BODY);
    const panels = Array.from(body.querySelectorAll('.pw-panel'));
    const note = panels.find((panel) => panel.textContent?.includes('A note panel.'));
    expect(note?.className).toContain('pw-panel-purple');
    expect(body.textContent?.split('A note panel.')).toHaveLength(2);
  });

  it('renders inline, block and embed cards as links styled by their appearance', () => {
    const body = render(CLOUD_EDITOR_BODY);
    const cards = Array.from(body.querySelectorAll('a.pw-card'));
    expect(cards.map((card) => [card.className, card.getAttribute('href')])).toEqual([
      ['pw-link pw-card pw-card-inline', 'https://example.com/x'],
      ['pw-link pw-card pw-card-block', 'https://example.com/y'],
      ['pw-link pw-card pw-card-embed', 'https://example.com/z'],
    ]);
    const plain = render('<p><a href="https://e.com" data-card-appearance="huge">e</a></p>');
    expect(plain.querySelector('a')?.className).toBe('pw-link');
  });

  it('lays out tables and layout sections by their layout', () => {
    const body = render(CLOUD_EDITOR_BODY);
    const table = body.querySelector('table');
    expect(table?.getAttribute('data-layout')).toBe('wide');
    expect(table?.getAttribute('style')).toContain('width: 760px');
    const section = body.querySelector('.pw-layout-section');
    expect(section?.getAttribute('data-layout')).toBe('two_equal');
    expect(section?.querySelectorAll(':scope > .pw-layout-cell')).toHaveLength(2);
  });
});
