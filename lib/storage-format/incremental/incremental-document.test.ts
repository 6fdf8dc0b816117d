import { describe, expect, it } from 'vitest';

import { corpusPage } from '@/bench/corpus-pages';

import { IncrementalDocument } from './incremental-document';

const PAGE = corpusPage(200_000);
const NONE = { sanitizer: 'none' } as const;

function typedAt(text: string, offset: number, typed: string): string {
  return text.slice(0, offset) + typed + text.slice(offset);
}

describe('IncrementalDocument: the work follows the edit', () => {
  it('re-parses and re-renders only the blocks around a keystroke in text', () => {
    const document = new IncrementalDocument();
    document.update(PAGE, NONE);
    const first = document.lastWork();
    expect(first.parsed).toBe(first.blocks);
    const offset = PAGE.indexOf('<p>', PAGE.length / 2) + 3;
    document.update(typedAt(PAGE, offset, 'x'), NONE);
    const work = document.lastWork();
    expect(work.blocks).toBe(first.blocks);
    expect(work.parsed).toBeLessThanOrEqual(2);
    expect(work.rendered).toBeLessThanOrEqual(2);
  });

  it('widens to the end when an edit opens a comment, and back when it is closed', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>paragraph ${i}</p>`).join('\n');
    const document = new IncrementalDocument();
    document.update(paragraphs, NONE);
    const offset = paragraphs.indexOf('<p>paragraph 100<');
    const opened = typedAt(paragraphs, offset, '<!--');
    const commented = document.update(opened, NONE).parsed.document.children;
    expect(commented.at(-1)?.type).toBe('comment');
    // The comment runs to the end: one block, from the edit on.
    expect(document.lastWork().parsed).toBe(1);
    const closeAt = opened.indexOf('</p>', offset) + 4;
    const closed = document.update(typedAt(opened, closeAt, '-->'), NONE);
    expect(closed.parsed.document.children.at(-1)?.type).toBe('element');
    expect(document.lastWork().parsed).toBeGreaterThan(190);
  });

  it('renders the same text a second time without any work', () => {
    const document = new IncrementalDocument();
    const first = document.update(PAGE, NONE);
    const again = document.update(PAGE, NONE);
    expect(again.html).toBe(first.html);
    expect(document.lastWork()).toEqual({
      blocks: document.lastWork().blocks,
      parsed: 0,
      rendered: 0,
    });
  });
});
