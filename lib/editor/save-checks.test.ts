import { describe, expect, it } from 'vitest';

import { verifiedSave } from '@/lib/pages/testing/save-verification';

import {
  buildSaveChecks,
  hasUnsavedChanges,
  saveProblemsOf,
  unsavedChangesAgainst,
  verificationNoticeOf,
} from './save-checks';

const COMMENTED =
  '<p>Intro <ac:inline-comment-marker ac:ref="c-1">flagged words</ac:inline-comment-marker> end.</p>';

describe('buildSaveChecks', () => {
  it('treats a formatting-only change as no change', () => {
    const loaded = { title: 'Page', body: '<p>One</p><p class="x" id="y">Two</p>' };
    const next = { title: 'Page ', body: '<p>One</p>\n  <p id="y" class="x">Two</p>\n' };
    const checks = buildSaveChecks(loaded, next);
    expect(checks.noChanges).toBe(true);
    expect(checks.needsRemovalConfirmation).toBe(false);
  });

  it('sees a real change, with nothing removed', () => {
    const checks = buildSaveChecks(
      { title: 'Page', body: COMMENTED },
      { title: 'Page', body: `${COMMENTED}<p>More</p>` },
    );
    expect(checks).toMatchObject({ noChanges: false, needsRemovalConfirmation: false });
    expect(checks.removals.total).toBe(0);
  });

  it('names an inline comment the save would remove and asks for confirmation', () => {
    const checks = buildSaveChecks(
      { title: 'Page', body: COMMENTED },
      { title: 'Page', body: '<p>Intro flagged words end.</p>' },
    );
    expect(checks.noChanges).toBe(false);
    expect(checks.needsRemovalConfirmation).toBe(true);
    expect(checks.removals.summary).toMatch(/^This save removes 1 inline comment: .*flagged words/);
  });

  it('counts a title change as a change even with the same body', () => {
    expect(
      buildSaveChecks({ title: 'A', body: '<p>x</p>' }, { title: 'B', body: '<p>x</p>' }).noChanges,
    ).toBe(false);
  });
});

describe('hasUnsavedChanges', () => {
  const loaded = { title: 'Page', body: '<p>One</p><p>Two</p>' };
  it('is false for the loaded text and for reformatting it', () => {
    expect(hasUnsavedChanges(loaded, loaded)).toBe(false);
    expect(hasUnsavedChanges(loaded, { title: 'Page', body: '<p>One</p>\n<p>Two</p>' })).toBe(
      false,
    );
  });
  it('is true for a changed word, a changed title, or a body that does not parse', () => {
    expect(hasUnsavedChanges(loaded, { title: 'Page', body: '<p>One</p><p>Three</p>' })).toBe(true);
    expect(hasUnsavedChanges(loaded, { title: 'Other', body: loaded.body })).toBe(true);
    expect(hasUnsavedChanges(loaded, { title: 'Page', body: '<p>One</p><p>Two' })).toBe(true);
  });
});

describe('unsavedChangesAgainst', () => {
  it('answers as hasUnsavedChanges for text after text against the same loaded version', () => {
    const loaded = { title: 'Page', body: '<p>One</p><p>Two</p>' };
    const unsaved = unsavedChangesAgainst(loaded);
    const texts = [
      { title: 'Page', body: '<p>One</p>\n<p>Two</p>' },
      { title: 'Page', body: '<p>One</p>\n<p>Two!</p>' },
      { title: ' Page ', body: '<p>One</p><p>Two</p>' },
      { title: 'Page', body: '<p>One</p><p>Two' },
      { title: 'Page 2', body: '<p>One</p><p>Two</p>' },
      loaded,
    ];
    expect(texts.map(unsaved)).toEqual([false, true, false, true, true, false]);
  });

  it('takes the loaded body laid out for editing as unchanged, without comparing them', () => {
    // A body that does not parse equals only itself canonically: only the hint can say "same".
    const loaded = { title: 'P', body: '<p>open<p>b' };
    const laidOut = '<p>open\n<p>b';
    expect(unsavedChangesAgainst(loaded)({ title: 'P', body: laidOut })).toBe(true);
    const unsaved = unsavedChangesAgainst(loaded, laidOut);
    expect(unsaved({ title: 'P', body: laidOut })).toBe(false);
    expect(unsaved({ title: 'P', body: `${laidOut}!` })).toBe(true);
  });

  it('never equals a loaded body that does not parse to anything but itself', () => {
    const unsaved = unsavedChangesAgainst({ title: 'P', body: '<p>open' });
    expect(unsaved({ title: 'P', body: '<p>open' })).toBe(false);
    expect(unsaved({ title: 'P', body: '<p>open</p>' })).toBe(true);
  });
});

describe('saveProblemsOf', () => {
  it('translates the engine errors of the sent body, with a fix that repairs it', () => {
    const body = '<p>Line<br>break</p>';
    const problems = saveProblemsOf(
      { diagnostics: [{ line: 1, column: 8, message: 'x', code: 'y' }] },
      body,
    );
    expect(problems.length).toBeGreaterThan(0);
    const first = problems[0]!;
    expect(first.line).toBe(1);
    expect(first.cause).not.toBe('');
    expect(first.fixes.length).toBeGreaterThan(0);
  });

  it('falls back to the server diagnostics when only Confluence refused the body', () => {
    const problems = saveProblemsOf(
      {
        diagnostics: [
          {
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 6,
            message: 'Confluence says no',
            code: 'confluence_parse_error',
          },
        ],
      },
      '<p>fine</p>\n<p>also fine</p>',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 5, cause: 'Confluence says no' });
  });

  it('finds none for a valid body refused without details', () => {
    expect(saveProblemsOf(undefined, '<p>x</p>')).toEqual([]);
    expect(saveProblemsOf({ diagnostics: [] }, '<p>x</p>')).toEqual([]);
  });

  it('defaults the range and code of a Confluence-only position to the point it names', () => {
    const [problem] = saveProblemsOf(
      { diagnostics: [{ line: 1, column: 4, message: 'Confluence says no' }] },
      '<p>x</p>',
    );
    expect(problem).toMatchObject({ line: 1, column: 4, cause: 'Confluence says no' });
  });
});

describe('verificationNoticeOf', () => {
  const matching = verifiedSave(6);
  it('says a verified save is verified, with its version', () => {
    expect(verificationNoticeOf(matching, 6)).toEqual({ ok: true, text: 'Saved and verified v6.' });
  });
  it('names the first mismatch', () => {
    const notice = verificationNoticeOf(
      { ...matching, ok: false, titleMatches: false, changes: ['The title read back is “X”.'] },
      6,
    );
    expect(notice).toEqual({
      ok: false,
      text: 'Saved v6, but the page read back does not match: The title read back is “X”.',
    });
  });
  it('says when the page could not be read back, and is null without a verification', () => {
    expect(verificationNoticeOf({ ok: false, reason: 'could not read back' }, 4)?.text).toBe(
      'Saved v4, but the page could not be read back to verify it.',
    );
    expect(verificationNoticeOf(undefined, 4)).toBeNull();
  });
});
