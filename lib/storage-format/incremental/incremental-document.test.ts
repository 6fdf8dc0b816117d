import { describe, expect, it } from 'vitest';

import { corpusPage } from '@/bench/corpus-pages';

import { parseStorage } from '../parse';
import { renderDocument } from '../render';
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

  it('re-renders for new lookups only the blocks that read them', () => {
    const mention = (id: string) => `<p><ac:link><ri:user ri:account-id="${id}" /></ac:link></p>`;
    const attachment = '<p><ac:image><ri:attachment ri:filename="a.png" /></ac:image></p>';
    const plain = Array.from({ length: 50 }, (_, i) => `<p>paragraph ${i}</p>`).join('\n');
    const page = [mention('u1'), plain, attachment, plain, mention('u2')].join('\n');
    const attachmentUrl = (ref: { filename: string }) => `/att/${ref.filename}`;
    const named = (names: Record<string, string>) => ({
      sanitizer: 'none' as const,
      attachmentUrl,
      userName: (ref: { accountId?: string }) => names[ref.accountId ?? ''] ?? null,
    });
    const document = new IncrementalDocument();
    document.update(page, named({}));
    // The names arrive: the two mentions are written again, nothing else.
    const withNames = named({ u1: 'Ada', u2: 'Grace' });
    const result = document.update(page, withNames);
    expect(document.lastWork().rendered).toBe(2);
    expect(result.html).toBe(renderDocument(parseStorage(page), withNames));
    expect(result.html).toContain('Grace');
    // A new attachment URL: the one image.
    const moved = {
      ...withNames,
      attachmentUrl: (ref: { filename: string }) => `/x/${ref.filename}`,
    };
    expect(document.update(page, moved).html).toBe(renderDocument(parseStorage(page), moved));
    expect(document.lastWork().rendered).toBe(1);
    // A lookup that was absent and now answers counts as changed for the blocks that read it.
    const { userName: _dropped, ...anonymous } = moved;
    document.update(page, anonymous);
    expect(document.lastWork().rendered).toBe(2);
    expect(document.update(page, moved).html).toContain('Ada');
    expect(document.lastWork().rendered).toBe(2);
    // Anything else new (here the sanitizer) writes every block again.
    document.update(page, { ...moved, sanitizer: (html: string) => html });
    expect(document.lastWork().rendered).toBe(document.lastWork().blocks);
  });
});
