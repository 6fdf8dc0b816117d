// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { layoutForEditing } from '@/lib/storage-format/layout';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderStorage } from '@/lib/storage-format/render';

import {
  blockAtOffset,
  classifyBlocks,
  classifyBlocksByOffset,
  fidelityEntries,
  type Resolution,
} from './preview-fidelity';
import {
  FIDELITY_ATTRIBUTE,
  applyFidelityBadgesByOffset,
  badgesByLine,
  badgesByOffset,
} from './preview-fidelity-badges';

const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;

/** A Macro-showcase-like page as Confluence stores it: one line. */
const ONE_LINE = [
  '<h1>Macro showcase</h1>',
  '<p>Intro.</p>',
  macro('info', '<ac:rich-text-body><p>An info panel.</p></ac:rich-text-body>'),
  '<h2>Unknown</h2>',
  macro('no-such-macro'),
  '<table><tbody><tr><td><p>cell</p></td></tr></tbody></table>',
].join('');

const CHECKED: Resolution = {
  missingAttachments: new Set(),
  missingPages: new Set(),
  unknownMacros: new Set(['no-such-macro']),
  checkedMacros: new Set(['no-such-macro', 'info']),
};

function bodyOf(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

describe('fidelity keyed by source offsets', () => {
  it('judges each block of a one-line body on its own', () => {
    const blocks = classifyBlocksByOffset(parseStorage(ONE_LINE), CHECKED);
    expect(blocks.map((b) => [ONE_LINE.slice(b.start, b.start + 12), b.fidelity])).toEqual([
      ['<h1>Macro sh', 'exact'],
      ['<p>Intro.</p', 'exact'],
      ['<ac:structur', 'approximate'],
      ['<h2>Unknown<', 'exact'],
      ['<ac:structur', 'unresolved'],
      ['<table><tbod', 'exact'],
    ]);
    expect(blocks.at(-1)!.end).toBe(ONE_LINE.length);
    // Keyed by line, the whole page is one block with the worst mark: what the offsets fix.
    expect(classifyBlocks(parseStorage(ONE_LINE), CHECKED)).toHaveLength(1);
    expect([...badgesByLine(classifyBlocks(parseStorage(ONE_LINE), CHECKED)).keys()]).toEqual([1]);
  });

  it('marks exactly the approximate and unresolved blocks of the rendered one-line body', () => {
    const blocks = classifyBlocksByOffset(parseStorage(ONE_LINE), CHECKED);
    const frame = bodyOf(renderStorage(ONE_LINE, { sanitizer: 'none' }));
    // A mark a page wrote itself is removed.
    frame.children[0]!.setAttribute(FIDELITY_ATTRIBUTE, 'unresolved');
    applyFidelityBadgesByOffset(frame, badgesByOffset(blocks));
    const marked = Array.from(frame.children).map((element) => [
      element.tagName.toLowerCase(),
      element.getAttribute(FIDELITY_ATTRIBUTE),
    ]);
    expect(marked).toEqual([
      ['h1', null],
      ['p', null],
      ['div', 'approximate'],
      ['h2', null],
      ['div', 'unresolved'],
      ['div', null],
    ]);
    expect(frame.children[4]!.getAttribute('data-pw-fidelity-label')).toMatch(/^Unresolved: /);
  });

  it('works on the laid-out view of the same body: offsets are the view’s', () => {
    const laid = layoutForEditing(ONE_LINE).text;
    const blocks = classifyBlocksByOffset(parseStorage(laid), CHECKED);
    const frame = bodyOf(renderStorage(laid, { sanitizer: 'none' }));
    applyFidelityBadgesByOffset(frame, badgesByOffset(blocks));
    const marked = Array.from(frame.children).filter((e) => e.hasAttribute(FIDELITY_ATTRIBUTE));
    expect(marked.map((e) => e.getAttribute(FIDELITY_ATTRIBUTE))).toEqual([
      'approximate',
      'unresolved',
    ]);
  });

  it('lists what is not exact for the summary line, unresolved first, each with its offset', () => {
    const entries = fidelityEntries(classifyBlocksByOffset(parseStorage(ONE_LINE), CHECKED));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      fidelity: 'unresolved',
      start: ONE_LINE.indexOf(macro('no-such-macro')),
    });
    expect(entries[0]!.label).toContain('no-such-macro');
    expect(entries[1]).toMatchObject({
      fidelity: 'approximate',
      start: ONE_LINE.indexOf('<ac:structured-macro ac:name="info"'),
    });
    expect(fidelityEntries(classifyBlocksByOffset(parseStorage('<p>a</p><p>b</p>')))).toEqual([]);
  });

  it('calls a smart card approximate: Confluence draws it with the target’s title', () => {
    const blocks = classifyBlocksByOffset(
      parseStorage('<p><a href="https://e.com" data-card-appearance="inline">e</a></p><p>x</p>'),
    );
    expect(blocks.map((b) => [b.fidelity, b.reasons])).toEqual([
      ['approximate', ['smart card shown as a link']],
      ['exact', []],
    ]);
  });

  it('finds the block holding a source offset', () => {
    const blocks = classifyBlocksByOffset(parseStorage(ONE_LINE), CHECKED);
    const unknownAt = ONE_LINE.indexOf('no-such-macro');
    expect(blockAtOffset(blocks, unknownAt)?.fidelity).toBe('unresolved');
    expect(blockAtOffset(blocks, 0)?.start).toBe(0);
    expect(blockAtOffset(blocks, ONE_LINE.length)).toBeNull();
    const spaced = classifyBlocksByOffset(parseStorage('<p>a</p>\n\n<p>b</p>'));
    expect(blockAtOffset(spaced, 9)).toBeNull();
  });
});
