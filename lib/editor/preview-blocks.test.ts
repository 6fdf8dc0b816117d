import { describe, expect, it } from 'vitest';

import { splitTopLevelBlocks } from './preview-blocks';
import { createdCount, planBlockPatch } from './preview-patch';

describe('splitTopLevelBlocks', () => {
  it('cuts serialized HTML at top-level element boundaries and loses nothing', () => {
    const html =
      '<h1 data-source-line="1">T</h1><p data-source-line="2">a <b>b</b><br>c</p>\n' +
      '<div class="pw-table-wrap"><table><tbody><tr><td>x</td></tr></tbody></table></div>' +
      '<hr><p>end</p>';
    const blocks = splitTopLevelBlocks(html);
    expect(blocks).toEqual([
      '<h1 data-source-line="1">T</h1>',
      '<p data-source-line="2">a <b>b</b><br>c</p>',
      '\n',
      '<div class="pw-table-wrap"><table><tbody><tr><td>x</td></tr></tbody></table></div>',
      '<hr>',
      '<p>end</p>',
    ]);
    expect(blocks.join('')).toBe(html);
  });

  it('is not fooled by > or quotes inside attribute values, comments or raw text', () => {
    const html =
      '<p title="a > b &quot;<div>&quot;">x</p><!-- <p> --><pre>&lt;p&gt;</pre>' +
      "<span title='it>s'>y</span><style>p > a { }</style>text run";
    const blocks = splitTopLevelBlocks(html);
    expect(blocks).toEqual([
      '<p title="a > b &quot;<div>&quot;">x</p>',
      '<!-- <p> -->',
      '<pre>&lt;p&gt;</pre>',
      "<span title='it>s'>y</span>",
      '<style>p > a { }</style>',
      'text run',
    ]);
  });

  it('treats leading text, void and self-closed elements as blocks, and empty input as none', () => {
    expect(splitTopLevelBlocks('lead<img src="a.png"><br/>tail')).toEqual([
      'lead',
      '<img src="a.png">',
      '<br/>',
      'tail',
    ]);
    expect(splitTopLevelBlocks('')).toEqual([]);
  });

  it('keeps nested same-name elements in one block', () => {
    const html = '<div><div><p>1</p></div><div>2</div></div><div>3</div>';
    expect(splitTopLevelBlocks(html)).toEqual([
      '<div><div><p>1</p></div><div>2</div></div>',
      '<div>3</div>',
    ]);
  });
});

describe('planBlockPatch', () => {
  it('re-creates only the edited block', () => {
    const before = ['<h1>T</h1>', '<p>one</p>', '<p>two</p>'];
    const after = ['<h1>T</h1>', '<p>one!</p>', '<p>two</p>'];
    const plan = planBlockPatch(before, after);
    expect(plan).toEqual([0, -1, 2]);
    expect(createdCount(plan)).toBe(1);
  });

  it('keeps the blocks around an insertion or a deletion', () => {
    expect(
      planBlockPatch(['<p>a</p>', '<p>b</p>'], ['<p>a</p>', '<p>new</p>', '<p>b</p>']),
    ).toEqual([0, -1, 1]);
    expect(planBlockPatch(['<p>a</p>', '<p>x</p>', '<p>b</p>'], ['<p>a</p>', '<p>b</p>'])).toEqual([
      0, 2,
    ]);
  });

  it('matches duplicate blocks in order, each old block at most once', () => {
    const plan = planBlockPatch(
      ['<p>same</p>', '<p>same</p>'],
      ['<p>same</p>', '<p>same</p>', '<p>same</p>'],
    );
    expect(plan).toEqual([0, 1, -1]);
  });

  it('creates everything on the first render', () => {
    expect(planBlockPatch([], ['<p>a</p>', '<p>b</p>'])).toEqual([-1, -1]);
  });
});
