import { describe, expect, it } from 'vitest';

import { renderStorage } from '@/lib/storage-format/render';

import { blockSourceOffset, splitTopLevelBlocks } from './preview-blocks';

describe('top-level blocks keyed by source offset', () => {
  it('reads each block’s start offset on a one-line body', () => {
    const body = '<h1>T</h1><p>a <strong>b</strong></p><ul><li><p>c</p></li></ul>';
    const blocks = splitTopLevelBlocks(renderStorage(body, { sanitizer: 'none' }));
    expect(blocks.map(blockSourceOffset)).toEqual([0, 10, 37]);
    expect(blocks.map((b) => body.slice(blockSourceOffset(b)!, blockSourceOffset(b)! + 3))).toEqual(
      ['<h1', '<p>', '<ul'],
    );
  });

  it('is null for a block without one, and never reads an offset from nested markup', () => {
    expect(blockSourceOffset('text between blocks')).toBeNull();
    expect(blockSourceOffset('<!-- c -->')).toBeNull();
    expect(blockSourceOffset('<div><p data-source-offset="7">x</p></div>')).toBeNull();
    expect(blockSourceOffset('<p title="a>b" data-source-offset="3">x</p>')).toBe(3);
    expect(blockSourceOffset('<p title=\'data-source-offset="3"\'>x</p>')).toBeNull();
  });
});

describe('the toc, written after the rest of the page', () => {
  it('keeps its block’s source offset, so its mark and scroll anchor find it', () => {
    const body =
      '<h1>T</h1><ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro><h2>A</h2>';
    const blocks = splitTopLevelBlocks(renderStorage(body, { sanitizer: 'none' }));
    expect(blocks.map(blockSourceOffset)).toEqual([0, 10, body.indexOf('<h2>')]);
  });
});
