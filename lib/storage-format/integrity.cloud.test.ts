import { describe, expect, it } from 'vitest';

import { collectKeepsakes, findRemovals } from './integrity';
import { formatStorage } from './format';
import { CLOUD_EDITOR_BODY } from './testing/cloud-editor-body';

const DECISIONS =
  '<ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-attribute key="local-id">d1</ac:adf-attribute>' +
  '<ac:adf-node type="decision-item"><ac:adf-attribute key="state">DECIDED</ac:adf-attribute>' +
  '<ac:adf-content>Ship it</ac:adf-content></ac:adf-node></ac:adf-node>' +
  '<ac:adf-fallback><ul><li>Ship it</li></ul></ac:adf-fallback></ac:adf-extension>';

describe('the round-trip guard on Cloud editor markup', () => {
  it('watches Cloud editor elements and smart cards', () => {
    const kinds = collectKeepsakes(CLOUD_EDITOR_BODY).map((k) => [k.kind, k.label]);
    expect(kinds).toContainEqual(['cloud-node', 'panel “A note panel.”']);
    expect(kinds).toContainEqual(['cloud-node', 'decision-list “Ship it”']);
    expect(kinds).toContainEqual(['smart-card', 'inline card https://example.com/x']);
    expect(kinds).toContainEqual(['macro-id', 'info macro (abc-123)']);
  });

  it('counts a Cloud editor element a save drops', () => {
    const report = findRemovals(`<p>a</p>${DECISIONS}`, '<p>a</p>');
    expect(report.groups).toEqual([
      {
        kind: 'cloud-node',
        count: 1,
        heading: '1 Cloud editor element',
        items: ['decision-list “Ship it”'],
      },
    ]);
    expect(report.summary).toBe(
      'This save removes 1 Cloud editor element: decision-list “Ship it”.',
    );
  });

  it('counts a wrapper replaced by its fallback (the node is gone, the text stays)', () => {
    const report = findRemovals(DECISIONS, '<ul><li>Ship it</li></ul>');
    expect(report.total).toBe(1);
    expect(report.groups[0]?.kind).toBe('cloud-node');
  });

  it('counts a smart card turned into a plain link', () => {
    const card =
      '<p><a href="https://e.com/p" data-card-appearance="block">https://e.com/p</a></p>';
    const report = findRemovals(card, '<p><a href="https://e.com/p">https://e.com/p</a></p>');
    expect(report.summary).toBe('This save removes 1 smart card: block card https://e.com/p.');
  });

  it('sees nothing removed when the body is only laid out, or a paragraph with a plain local-id goes', () => {
    expect(findRemovals(CLOUD_EDITOR_BODY, formatStorage(CLOUD_EDITOR_BODY)).total).toBe(0);
    expect(
      findRemovals('<p local-id="p1">a</p><p local-id="p2">b</p>', '<p local-id="p1">a</p>').total,
    ).toBe(0);
  });
});
