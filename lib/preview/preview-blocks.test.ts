import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { parseStorage } from '@/lib/storage-format/parse';
import { renderDocument } from '@/lib/storage-format/render';
import { readCorpus } from '@/lib/storage-format/testing/corpus';

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

describe('splitTopLevelBlocks on the writer’s own output (before DOMPurify)', () => {
  const { window } = new JSDOM('<!DOCTYPE html><body>');
  const parse = (html: string) =>
    new window.DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body;
  const serializer = new window.XMLSerializer();
  /** What an HTML parser makes of `html` in body context, serialized again. */
  const reparsed = (html: string) => serializer.serializeToString(parse(html));
  /** Each block parsed on its own, the resulting nodes then put side by side. */
  const reparsedBlocks = (blocks: readonly string[]) => {
    const target = parse('');
    for (const block of blocks) target.append(...Array.from(parse(block).childNodes));
    return serializer.serializeToString(target);
  };

  it.each(['valid', 'invalid', 'edge-cases'] as const)(
    'cuts every corpus/storage/%s body into blocks that parse alone as in the whole',
    (kind) => {
      for (const { name, body } of readCorpus(kind)) {
        let html = '';
        renderDocument(parseStorage(body), {
          sanitizer: (raw) => {
            html = raw;
            return raw;
          },
        });
        const blocks = splitTopLevelBlocks(html);
        expect(blocks.join(''), name).toBe(html);
        expect.soft(reparsedBlocks(blocks), name).toBe(reparsed(html));
      }
    },
  );
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

  it('keeps repeated blocks around an edit in place, not matched across it', () => {
    // A block and its line break typed between two others: the breaks below must stay theirs.
    const before = ['<p>a</p>', '\n', '<p>b</p>', '\n', '<p>c</p>', '\n'];
    const after = ['<p>a</p>', '\n', '<p>new</p>', '\n', '<p>b</p>', '\n', '<p>c</p>', '\n'];
    expect(planBlockPatch(before, after)).toEqual([0, 1, -1, -1, 2, 3, 4, 5]);
  });

  it('creates everything on the first render', () => {
    expect(planBlockPatch([], ['<p>a</p>', '<p>b</p>'])).toEqual([-1, -1]);
  });
});
