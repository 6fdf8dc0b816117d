import { describe, expect, it } from 'vitest';

import { bodyToSave, layoutForEditing, projectEdits } from '.';
import { needsLayout } from './needs-layout';
import { diffTexts, applyEdits } from './text-diff';

const ONE_LINE =
  '<h1>Title</h1><p>First <strong>bold</strong> text.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>' +
  '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">js</ac:parameter>' +
  '<ac:plain-text-body><![CDATA[let a = 1;\nlet b = 2;]]></ac:plain-text-body></ac:structured-macro><p>End.</p>';

function edit(laidText: string, find: string, replace: string): string {
  const at = laidText.indexOf(find);
  if (at < 0) throw new Error(`${find} not in the laid-out text`);
  return laidText.slice(0, at) + replace + laidText.slice(at + find.length);
}

describe('saving a laid-out body in its own layout', () => {
  const laid = layoutForEditing(ONE_LINE);

  it('lays a one-line body out on lines', () => {
    expect(laid.laidOut).toBe(true);
    expect(laid.text.split('\n')).toContain('  <li>');
    expect(laid.text).toContain('let a = 1;\nlet b = 2;');
  });

  it('saves the body unchanged when nothing was edited', () => {
    expect(bodyToSave(laid, laid.text)).toBe(ONE_LINE);
  });

  it('carries an edit inside a block back to the same bytes', () => {
    const saved = bodyToSave(laid, edit(laid.text, 'First', 'Second'));
    expect(saved).toBe(ONE_LINE.replace('First', 'Second'));
  });

  it('inserts a block typed on a new line between the same blocks, without its indentation', () => {
    const saved = bodyToSave(laid, edit(laid.text, '<p>one</p>', '<p>one</p>\n      <p>more</p>'));
    expect(saved).toBe(ONE_LINE.replace('<p>one</p>', '<p>one</p><p>more</p>'));
  });

  it('inserts a pasted run of blocks without the layout between them', () => {
    const saved = bodyToSave(
      laid,
      edit(laid.text, '<p>End.</p>', '<p>End.</p>\n<h2>A</h2>\n<p>B <em>c</em> d</p>\n'),
    );
    expect(saved).toBe(`${ONE_LINE}<h2>A</h2><p>B <em>c</em> d</p>`);
  });

  it('deletes a whole line together with the layout around it', () => {
    const lines = laid.text.split('\n');
    // Delete the second list item's three lines as an editor would: whole lines.
    const liAt = lines.lastIndexOf('  <li>');
    const without = [...lines.slice(0, liAt), ...lines.slice(liAt + 3)];
    expect(bodyToSave(laid, without.join('\n'))).toBe(ONE_LINE.replace('<li><p>two</p></li>', ''));
  });

  it('keeps a line break typed inside a paragraph, reported as the edit it is: there it is content', () => {
    // A diff of the whole text could not tell this line break from layout; the editor's own
    // change event can.
    const at = laid.text.indexOf('First ') + 'First'.length;
    const saved = projectEdits(laid.original, laid.map, [{ start: at, end: at + 1, text: '\n  ' }]);
    expect(saved).toBe(ONE_LINE.replace('First <strong>', 'First\n  <strong>'));
  });

  it('edits inside CDATA keep their line breaks', () => {
    const saved = bodyToSave(laid, edit(laid.text, 'let b = 2;', 'let b = 2;\nlet c = 3;'));
    expect(saved).toBe(ONE_LINE.replace('let b = 2;', 'let b = 2;\nlet c = 3;'));
  });

  it('keeps a line break typed in the middle of a CDATA line, even diffed', () => {
    const saved = bodyToSave(laid, edit(laid.text, 'let a = 1;', 'let a =\n  1;'));
    expect(saved).toBe(ONE_LINE.replace('let a = 1;', 'let a =\n  1;'));
  });

  it('ignores a blank line typed between blocks', () => {
    expect(bodyToSave(laid, edit(laid.text, '<p>End.</p>', '\n  \n<p>End.</p>'))).toBe(ONE_LINE);
  });

  it('projects a whole-text replacement (a merge, a restored version) as its minimal edits', () => {
    // A "restored version" that changed the title and the last paragraph, re-laid out on lines.
    const restored = layoutForEditing(
      ONE_LINE.replace('Title', 'Old title').replace('End.', 'The end.'),
    ).text;
    expect(bodyToSave(laid, restored)).toBe(
      ONE_LINE.replace('Title', 'Old title').replace('End.', 'The end.'),
    );
  });

  it('keeps the whitespace a multi-line body has between blocks, and uses it for new blocks', () => {
    const body = `<p>${'x'.repeat(500)}</p>\n<p>b</p>\n<ul><li><p>c</p></li></ul>`;
    const multi = layoutForEditing(body);
    expect(multi.laidOut).toBe(true);
    expect(bodyToSave(multi, edit(multi.text, '<p>b</p>', '<p>B</p>'))).toBe(
      body.replace('<p>b</p>', '<p>B</p>'),
    );
    expect(bodyToSave(multi, edit(multi.text, '<p>b</p>', '<p>b</p>\n<h2>n</h2>\n<p>m</p>'))).toBe(
      body.replace('<p>b</p>', '<p>b</p>\n<h2>n</h2>\n<p>m</p>'),
    );
  });
});

describe('which bodies open laid out', () => {
  it('lays out a one-line body and a body with a long line', () => {
    expect(needsLayout(ONE_LINE)).toBe(true);
    expect(needsLayout(`<p>a</p>\n<p>${'y'.repeat(401)}</p>`)).toBe(true);
  });

  it('opens a body on readable lines, or a short one-liner, as it is stored', () => {
    expect(needsLayout('<p>a</p>\n<p>b</p>')).toBe(false);
    expect(needsLayout('<p>Short.</p>')).toBe(false);
    expect(layoutForEditing('<p>a</p>\n<p>b</p>')).toMatchObject({
      laidOut: false,
      text: '<p>a</p>\n<p>b</p>',
    });
  });

  it('opens a body that does not parse as it is stored, and saves edits verbatim', () => {
    const broken = `<p>${'z'.repeat(200)}<p>unclosed`;
    const laid = layoutForEditing(broken);
    expect(laid.laidOut).toBe(false);
    expect(bodyToSave(laid, `${broken}\n`)).toBe(`${broken}\n`);
  });
});

describe('diffing two texts into edits', () => {
  it('finds separate edits on separate lines, and applying them gives the new text', () => {
    const before = 'a\nbb\nccc\ndddd\neeeee\n';
    const after = 'a\nbXb\nccc\ndddd\neYeeee\nf';
    const edits = diffTexts(before, after);
    expect(edits).toEqual([
      { start: 3, end: 3, text: 'X' },
      { start: 15, end: 15, text: 'Y' },
      { start: 20, end: 20, text: 'f' },
    ]);
    expect(applyEdits(before, edits)).toBe(after);
  });

  it('is empty for equal texts', () => {
    expect(diffTexts('same', 'same')).toEqual([]);
  });
});
