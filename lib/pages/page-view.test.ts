import { describe, expect, it } from 'vitest';

import { mergePage } from '@/lib/editor/merge';
import { applyEdits, quickFixesFor } from '@/lib/editor/quick-fixes';
import { buildSeed, SEED_IDS } from '@/lib/emulator/seed/build-seed';
import { formatStorage } from '@/lib/storage-format/format';
import { parseStorage } from '@/lib/storage-format/parse';

import { bodyToSend, mergedBodyToSend, textForView, viewOf } from './page-view';

const cells = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `<tr><td>${prefix} ${i}</td><td>value ${i}</td></tr>`).join(
    '',
  );
/** A page as Confluence's editor stores it: one line, long. */
const ONE_LINE = `<h1>Title</h1><p>Intro with <strong>bold</strong> text.</p><table><tbody>${cells(20, 'row')}</tbody></table><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[line 1\n  line 2]]></ac:plain-text-body></ac:structured-macro><p>End.</p>`;
/** A page laid out by hand on short lines, as mark or md2conf write them. */
const MULTI_LINE = '<h1>Title</h1>\n<p>One.</p>\n  <p>Two.</p>\n';

const replaceOnce = (text: string, from: string, to: string) => {
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at) + to + text.slice(at + from.length);
};

describe('viewOf', () => {
  it('lays a one-line body out on lines, one block per line, nesting indented', () => {
    const view = viewOf(ONE_LINE);
    expect(view.laidOut).toBe(true);
    expect(view.original).toBe(ONE_LINE);
    expect(view.text.split('\n').length).toBeGreaterThan(20);
    expect(view.text).toMatch(/\n {2,}<tr>/);
  });

  it('shows a multi-line body as it is stored', () => {
    const view = viewOf(MULTI_LINE);
    expect(view.laidOut).toBe(false);
    expect(view.text).toBe(MULTI_LINE);
  });
});

describe('the demo pages', () => {
  const seed = buildSeed();

  it('open laid out when stored on one line; the hand-laid Sandbox opens as stored', () => {
    const opened = new Map(seed.pages.map((page) => [page.id, viewOf(page.current.body)]));
    for (const id of [
      SEED_IDS.macroShowcase,
      SEED_IDS.largePage,
      SEED_IDS.attachmentsPage,
      SEED_IDS.cloudEditorPage,
      SEED_IDS.largeOneLinePage,
    ]) {
      const view = opened.get(id)!;
      expect(view.laidOut, id).toBe(true);
      // Readable: no line anywhere near Monaco's tokenization limit.
      expect(Math.max(...view.text.split('\n').map((line) => line.length)), id).toBeLessThan(2000);
      expect(bodyToSend(view, view.text, false), id).toBe(view.original);
    }
    expect(opened.get(SEED_IDS.sandbox)!.laidOut).toBe(false);
  });
});

describe('bodyToSend', () => {
  it('is the stored body, byte for byte, when nothing was edited', () => {
    const view = viewOf(ONE_LINE);
    expect(bodyToSend(view, view.text, false)).toBe(ONE_LINE);
  });

  // Each edit made in the laid-out view, and what the stored body must hold instead of `from`.
  it.each([
    ['one edit', '<td>row 7</td>', '<td>row seven</td>', '<td>row seven</td>'],
    [
      'a block pasted on a line of its own',
      '<p>End.</p>',
      '<p>Pasted.</p>\n<p>End.</p>',
      '<p>Pasted.</p><p>End.</p>',
    ],
  ])(
    'carries %s in the laid-out view back to the stored layout, and nothing else',
    (_what, from, typed, stored) => {
      const view = viewOf(ONE_LINE);
      const edited = replaceOnce(view.text, from, typed);
      expect(bodyToSend(view, edited, false)).toBe(replaceOnce(ONE_LINE, from, stored));
    },
  );

  it('keeps a Format of the edited view out of the saved body', () => {
    const view = viewOf(ONE_LINE);
    const edited = replaceOnce(view.text, 'End.', 'The end.');
    expect(bodyToSend(view, formatStorage(edited), false)).toBe(
      replaceOnce(ONE_LINE, 'End.', 'The end.'),
    );
  });

  it('carries a quick fix made in the laid-out view back like any edit', () => {
    const view = viewOf(ONE_LINE);
    const broken = replaceOnce(view.text, '<td>row 7</td>', '<td>row 7<br>x</td>');
    const [diagnostic] = parseStorage(broken).diagnostics;
    const [fix] = quickFixesFor(broken, diagnostic!);
    const fixed = applyEdits(broken, fix!.edits);
    expect(bodyToSend(view, fixed, false)).toBe(
      replaceOnce(ONE_LINE, '<td>row 7</td>', '<td>row 7<br/>x</td>'),
    );
  });

  it('sends the shown text itself with "Save formatted"', () => {
    const view = viewOf(ONE_LINE);
    const edited = replaceOnce(view.text, 'End.', 'The end.');
    expect(bodyToSend(view, edited, true)).toBe(edited);
  });

  it('sends a multi-line body as edited', () => {
    const view = viewOf(MULTI_LINE);
    const edited = replaceOnce(view.text, 'Two.', 'Three.');
    expect(bodyToSend(view, edited, false)).toBe(edited);
  });

  it('restores an old version as its stored bytes plus the edits made on it', () => {
    const old = replaceOnce(ONE_LINE, 'Intro with', 'Old intro with');
    const view = viewOf(old);
    expect(bodyToSend(view, view.text, false)).toBe(old);
    const edited = replaceOnce(view.text, '<td>row 3</td>', '<td>row 3b</td>');
    expect(bodyToSend(view, edited, false)).toBe(
      replaceOnce(old, '<td>row 3</td>', '<td>row 3b</td>'),
    );
  });
});

describe('mergedBodyToSend', () => {
  it('saves a merge after a 409 in the layout of their stored version, with both edits only', () => {
    const theirs = replaceOnce(ONE_LINE, '<td>row 2</td>', '<td>theirs 2</td>');
    const view = viewOf(ONE_LINE);
    const mine = bodyToSend(view, replaceOnce(view.text, 'End.', 'Mine.'), false);
    const outcome = mergePage({
      base: { title: 't', body: ONE_LINE },
      theirs: { title: 't', body: theirs },
      mine: { title: 't', body: mine },
    });
    expect(outcome.clean).toBe(true);
    expect(outcome.formatted).toBe(true);
    expect(mergedBodyToSend(theirs, outcome.body, outcome.formatted, false)).toBe(
      replaceOnce(theirs, 'End.', 'Mine.'),
    );
  });

  it('keeps a multi-line stored version on its own lines', () => {
    const theirs = replaceOnce(MULTI_LINE, 'One.', 'Theirs.');
    const merged = formatStorage(replaceOnce(theirs, 'Two.', 'Mine.'));
    expect(mergedBodyToSend(theirs, merged, true, false)).toBe(
      replaceOnce(theirs, 'Two.', 'Mine.'),
    );
  });

  it('saves the merged text as it is when the merge was not formatted, or with "Save formatted"', () => {
    const merged = formatStorage(ONE_LINE);
    expect(mergedBodyToSend(ONE_LINE, '<p>raw</p>', false, false)).toBe('<p>raw</p>');
    expect(mergedBodyToSend(ONE_LINE, merged, true, true)).toBe(merged);
  });
});

describe('textForView', () => {
  it('lays out a text kept in the stored layout, so only its edits differ from the view', () => {
    const view = viewOf(ONE_LINE);
    const kept = replaceOnce(ONE_LINE, 'End.', 'Kept.');
    const shown = textForView(view, kept, false);
    expect(shown).toBe(replaceOnce(view.text, 'End.', 'Kept.'));
    expect(bodyToSend(view, shown, false)).toBe(kept);
  });

  it('keeps a text that already is a view, and any text over a view as stored', () => {
    const view = viewOf(ONE_LINE);
    expect(textForView(view, 'as typed', true)).toBe('as typed');
    expect(textForView(viewOf(MULTI_LINE), ONE_LINE, false)).toBe(ONE_LINE);
  });
});
