import { describe, expect, it } from 'vitest';

import { largeTablesBody } from '@/lib/emulator/seed/bodies';
import { formatStorage } from '@/lib/storage-format/format';
import { parseStorage } from '@/lib/storage-format/parse';

import { splitLines } from './line-diff';
import { CONFLICT_MARKER, hasConflictMarkers, mergePage, mergeTitles } from './merge';

/** A page as Confluence stores it: every block on one long line. */
const BASE = [
  '<h1>Sandbox</h1>',
  '<p>Intro paragraph.</p>',
  '<table><tbody><tr><th>Component</th><th>Owner</th></tr><tr><td>Editor</td><td>Alex</td></tr></tbody></table>',
  '<p>Middle paragraph.</p>',
  '<p>Last paragraph.</p>',
].join('');

function side(body: string, title = 'Sandbox') {
  return { title, body };
}

function parses(body: string): boolean {
  return parseStorage(body).diagnostics.length === 0;
}

describe('mergePage: bodies', () => {
  it('merges edits in different parts of a one-line body cleanly, keeping both', () => {
    const theirs = BASE.replace('<h1>Sandbox</h1>', '<h1>Sandbox (theirs)</h1>');
    const mine = BASE.replace('<p>Last paragraph.</p>', '<p>Last paragraph, edited by me.</p>');
    const outcome = mergePage({ base: side(BASE), theirs: side(theirs), mine: side(mine) });
    expect(outcome.clean).toBe(true);
    expect(outcome.conflicts).toBe(0);
    expect(outcome.formatted).toBe(true);
    expect(outcome.body).toContain('Sandbox (theirs)');
    expect(outcome.body).toContain('Last paragraph, edited by me.');
    expect(outcome.body).not.toContain('<p>Last paragraph.</p>');
    expect(hasConflictMarkers(outcome.body)).toBe(false);
    expect(parses(outcome.body)).toBe(true);
  });

  it('merges a table cell change with an appended paragraph', () => {
    const theirs = BASE.replace('<td>Alex</td>', '<td>Robin</td>');
    const mine = `${BASE}\n<p>Appended by me.</p>`;
    const outcome = mergePage({ base: side(BASE), theirs: side(theirs), mine: side(mine) });
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toContain('<td>Robin</td>');
    expect(outcome.body).toContain('<p>Appended by me.</p>');
    expect(parses(outcome.body)).toBe(true);
  });

  it('marks overlapping edits as a conflict with both versions between markers', () => {
    const theirs = BASE.replace('Middle paragraph.', 'Middle, as they wrote it.');
    const mine = BASE.replace('Middle paragraph.', 'Middle, as I wrote it.');
    const outcome = mergePage(
      { base: side(BASE), theirs: side(theirs), mine: side(mine) },
      { mine: 'your text', theirs: 'version 4' },
    );
    expect(outcome.clean).toBe(false);
    expect(outcome.conflicts).toBe(1);
    const lines = splitLines(outcome.body);
    const open = lines.indexOf(`${CONFLICT_MARKER.mine} your text`);
    const split = lines.indexOf(CONFLICT_MARKER.separator);
    const close = lines.indexOf(`${CONFLICT_MARKER.theirs} version 4`);
    expect(open).toBeGreaterThanOrEqual(0);
    expect(split).toBeGreaterThan(open);
    expect(close).toBeGreaterThan(split);
    expect(lines.slice(open, split).join('\n')).toContain('Middle, as I wrote it.');
    expect(lines.slice(split, close).join('\n')).toContain('Middle, as they wrote it.');
    // Everything outside the region is merged as usual.
    expect(outcome.body).toContain('<h1>Sandbox</h1>');
    expect(hasConflictMarkers(outcome.body)).toBe(true);
    expect(parses(outcome.body)).toBe(false);
  });

  it('treats two insertions at the same place as a conflict, keeping both', () => {
    const theirs = `${BASE}<p>Theirs at the end.</p>`;
    const mine = `${BASE}<p>Mine at the end.</p>`;
    const outcome = mergePage({ base: side(BASE), theirs: side(theirs), mine: side(mine) });
    expect(outcome.conflicts).toBe(1);
    expect(outcome.body).toContain('<p>Mine at the end.</p>');
    expect(outcome.body).toContain('<p>Theirs at the end.</p>');
  });

  it('counts separate conflicting regions separately', () => {
    const theirs = BASE.replace('Intro paragraph.', 'Intro T.').replace(
      'Last paragraph.',
      'Last T.',
    );
    const mine = BASE.replace('Intro paragraph.', 'Intro M.').replace('Last paragraph.', 'Last M.');
    const outcome = mergePage({ base: side(BASE), theirs: side(theirs), mine: side(mine) });
    expect(outcome.conflicts).toBe(2);
    expect(outcome.body).toContain('<p>Middle paragraph.</p>');
  });

  it('is no conflict when both made the same change', () => {
    const same = BASE.replace('Intro paragraph.', 'Same fix.');
    const outcome = mergePage({ base: side(BASE), theirs: side(same), mine: side(same) });
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toBe(same);
  });

  it('returns my text exactly as written when theirs changed only the layout', () => {
    const theirs = formatStorage(BASE);
    expect(theirs).not.toBe(BASE);
    const mine = BASE.replace('Intro paragraph.', 'My intro.');
    const outcome = mergePage({ base: side(BASE), theirs: side(theirs), mine: side(mine) });
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toBe(mine);
  });

  it('returns their text exactly as written when mine changed nothing in the body', () => {
    const theirs = BASE.replace('Intro paragraph.', 'Their intro.');
    const outcome = mergePage({
      base: side(BASE),
      theirs: side(theirs),
      mine: side(BASE, 'Renamed by me'),
    });
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toBe(theirs);
    expect(outcome.title).toEqual({ conflict: false, title: 'Renamed by me' });
  });

  it('merges raw lines when a body does not parse', () => {
    const base = '<p>one</p>\n<p>two</p>\n<p>three</p>';
    const theirs = '<p>ONE</p>\n<p>two</p>\n<p>three</p>';
    const mine = '<p>one</p>\n<p>two</p>\n<p>three<br></p>';
    const outcome = mergePage({ base: side(base), theirs: side(theirs), mine: side(mine) });
    expect(outcome.formatted).toBe(false);
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toBe('<p>ONE</p>\n<p>two</p>\n<p>three<br></p>');
  });
});

describe('mergePage: mine is never lost', () => {
  const blocks = Array.from({ length: 12 }, (_, i) => `<p>Block ${i}</p>`);
  const base = blocks.join('');

  /** Deterministic edits: change, delete or insert after some blocks. */
  function edit(seed: number, tag: string): string {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    return blocks
      .flatMap((block, i) => {
        const roll = next();
        if (roll < 0.15) return [`<p>Block ${i} changed by ${tag}</p>`];
        if (roll < 0.22) return [];
        if (roll < 0.32) return [block, `<p>Inserted by ${tag} after ${i}</p>`];
        return [block];
      })
      .join('');
  }

  it('keeps every line mine added, clean or not, across many edit pairs', () => {
    let conflicted = 0;
    for (let seed = 1; seed <= 150; seed += 1) {
      const mine = edit(seed, 'me');
      const theirs = edit(seed * 7919, 'them');
      const outcome = mergePage({ base: side(base), theirs: side(theirs), mine: side(mine) });
      const baseLines = new Set(splitLines(formatStorage(base)));
      const added = splitLines(formatStorage(mine)).filter((line) => !baseLines.has(line));
      const merged = new Set(splitLines(outcome.body));
      for (const line of added) {
        expect(merged.has(line), `seed ${seed}: ${line}`).toBe(true);
      }
      if (outcome.conflicts > 0) conflicted += 1;
      else expect(parses(outcome.body), `seed ${seed}`).toBe(true);
    }
    // The generator produces both outcomes, so both paths were checked.
    expect(conflicted).toBeGreaterThan(0);
    expect(conflicted).toBeLessThan(150);
  });
});

describe('mergePage: a big page', () => {
  it('merges edits near the top and the bottom of a 300 KB one-line page of tables cleanly', () => {
    // As Confluence stores it: one line, thousands of identical lines once formatted.
    const base = largeTablesBody(300_000).replaceAll('\n', '');
    expect(base.length).toBeGreaterThanOrEqual(300_000);
    const mine = base.replace('<td>DEMO-1001</td>', '<td>DEMO-1001, edited by me</td>');
    const lastKey = base.lastIndexOf('<td>DEMO-');
    const theirs = `${base.slice(0, lastKey)}<td>Added by them</td>${base.slice(lastKey)}`;
    const outcome = mergePage({ base: side(base), theirs: side(theirs), mine: side(mine) });
    expect(outcome.formatted).toBe(true);
    expect(outcome.clean).toBe(true);
    expect(outcome.body).toContain('<td>DEMO-1001, edited by me</td>');
    expect(outcome.body).toContain('<td>Added by them</td>');
    expect(outcome.body).not.toContain('<td>DEMO-1001</td>');
    expect(splitLines(outcome.body)).toHaveLength(splitLines(formatStorage(theirs)).length);
  });
});

describe('mergeTitles', () => {
  it('takes the side that renamed', () => {
    expect(mergeTitles('Base', 'Base', 'Mine')).toEqual({ conflict: false, title: 'Mine' });
    expect(mergeTitles('Base', 'Theirs', 'Base')).toEqual({ conflict: false, title: 'Theirs' });
  });

  it('is no conflict when both renamed alike', () => {
    expect(mergeTitles('Base', 'Same', 'Same')).toEqual({ conflict: false, title: 'Same' });
  });

  it('is a conflict when both renamed differently', () => {
    expect(mergeTitles('Base', 'Theirs', 'Mine')).toEqual({
      conflict: true,
      mine: 'Mine',
      theirs: 'Theirs',
    });
  });

  it('makes the whole merge unclean on a title conflict even when the bodies merge', () => {
    const outcome = mergePage({
      base: side(BASE, 'Base'),
      theirs: side(BASE.replace('Intro', 'Their intro'), 'Theirs'),
      mine: side(BASE.replace('Last', 'My last'), 'Mine'),
    });
    expect(outcome.conflicts).toBe(0);
    expect(outcome.clean).toBe(false);
    expect(outcome.title).toEqual({ conflict: true, mine: 'Mine', theirs: 'Theirs' });
  });
});

describe('hasConflictMarkers', () => {
  it('finds marker lines only at the start of a line', () => {
    expect(hasConflictMarkers('<p>a</p>\n<<<<<<< mine\n<p>b</p>')).toBe(true);
    expect(hasConflictMarkers('<p>a</p>\n=======\n<p>b</p>')).toBe(true);
    expect(hasConflictMarkers('<p>a</p>\n>>>>>>> theirs')).toBe(true);
    expect(hasConflictMarkers('<p>a ======= b</p>')).toBe(false);
    expect(hasConflictMarkers(BASE)).toBe(false);
  });
});
