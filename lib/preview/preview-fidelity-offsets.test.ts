// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { IncrementalDocument } from '@/lib/storage-format/incremental/incremental-document';
import { layoutForEditing } from '@/lib/storage-format/layout';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderStorage } from '@/lib/storage-format/render';

import {
  blockAtOffset,
  classifyBlocksByOffset,
  fidelityEntries,
  type Resolution,
} from './preview-fidelity';
import { badgesByOffset } from './preview-fidelity-badges';
import { createMarkLayer } from './preview-marks';

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

/** A frame document showing `html`, as the preview's block patcher leaves it. */
function frameOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Each top-level block of the frame as `tag` or `tag:fidelity` when the mark layer marked it. */
function markedBlocks(doc: Document): string[] {
  const marks = new Map(
    Array.from(doc.querySelectorAll('pw-mark')).map((mark) => [
      mark.getAttribute('data-source-offset'),
      mark.getAttribute('data-fidelity'),
    ]),
  );
  return Array.from(doc.body.children).map((block) => {
    const fidelity = marks.get(block.getAttribute('data-source-offset'));
    return fidelity ? `${block.tagName.toLowerCase()}:${fidelity}` : block.tagName.toLowerCase();
  });
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
    // Every block starts on line 1: keyed by line, all would share the worst mark.
    const { positions } = parseStorage(ONE_LINE);
    expect(new Set(blocks.map((b) => positions.lineColumnAt(b.start).line))).toEqual(new Set([1]));
  });

  /** The body rendered with its marks: a frame document whose blocks say which mark they got. */
  function markedFrameOf(source: string): Document {
    const blocks = classifyBlocksByOffset(parseStorage(source), CHECKED);
    const doc = frameOf(renderStorage(source, { sanitizer: 'none' }));
    createMarkLayer(doc).update(badgesByOffset(blocks));
    return doc;
  }

  const MARKED = ['h1', 'p', 'div:approximate', 'h2', 'div:unresolved', 'div'];

  it('marks exactly the approximate and unresolved blocks of the rendered one-line body', () => {
    const doc = markedFrameOf(ONE_LINE);
    expect(markedBlocks(doc)).toEqual(MARKED);
    const unresolved = doc.querySelector('pw-mark[data-fidelity="unresolved"]')!;
    expect(unresolved.getAttribute('aria-label')).toMatch(/^Unresolved: .*no-such-macro/);
  });

  it('works on the laid-out view of the same body: offsets are the view’s', () => {
    const laid = layoutForEditing(ONE_LINE).text;
    expect(laid.split('\n').length).toBeGreaterThan(5);
    expect(markedBlocks(markedFrameOf(laid))).toEqual(MARKED);
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
      label: 'Approximate: info macro rendered by Pagewright',
      // The button says what differs; the ending every approximate entry shares is left out.
      short: 'info macro',
    });
    expect(entries[0]!.short).toBe('Confluence does not know the no-such-macro macro');
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

  it('judges the kept blocks of an incremental parse as a fresh parse does, edit after edit', () => {
    // Verdicts are remembered per node: an edit must never leave one that no longer holds.
    const document = new IncrementalDocument();
    const edits = [
      ONE_LINE,
      ONE_LINE.replace('no-such-macro', 'info'),
      ONE_LINE.replace('no-such-macro', 'info').replace('<p>', '<p>typed '),
      ONE_LINE,
      `<p>new first</p>${ONE_LINE}`,
    ];
    for (const [step, text] of edits.entries()) {
      const kept = document.update(text, { sanitizer: 'none' }).parsed;
      for (const resolution of [undefined, CHECKED]) {
        expect(classifyBlocksByOffset(kept, resolution), `step ${step}`).toEqual(
          classifyBlocksByOffset(parseStorage(text), resolution),
        );
      }
    }
  });
});
