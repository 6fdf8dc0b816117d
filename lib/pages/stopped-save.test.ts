import { describe, expect, it } from 'vitest';

import { type StoppedSave, stoppedSaveMessage, stoppedSaveOutcome } from './stopped-save';
import type { ReadBackPage } from './save-verification';

const SENT: StoppedSave = {
  baseVersion: 3,
  title: 'Sandbox',
  body: '<p>mine</p>\n<ac:structured-macro ac:name="info"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>',
};

function page(version: number, change: Partial<ReadBackPage> = {}): ReadBackPage {
  return {
    title: SENT.title,
    body: SENT.body,
    parentId: '9469953',
    version: { number: version },
    ...change,
  };
}

describe('stoppedSaveOutcome', () => {
  it('is saved when Confluence holds our title and body as base + 1', () => {
    expect(stoppedSaveOutcome(SENT, page(4))).toEqual({ kind: 'saved', version: 4 });
  });

  it('is saved when Confluence only re-serialised the body and added its own ids', () => {
    const stored =
      '<p>mine</p><ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="abc"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>';
    expect(stoppedSaveOutcome(SENT, page(4, { body: stored }))).toEqual({
      kind: 'saved',
      version: 4,
    });
  });

  it('is not saved while the page is still at the base version', () => {
    expect(stoppedSaveOutcome(SENT, page(3, { body: '<p>before</p>' }))).toEqual({
      kind: 'not-saved',
    });
  });

  it("is a conflict when base + 1 holds someone else's body or title", () => {
    expect(stoppedSaveOutcome(SENT, page(4, { body: '<p>theirs</p>' }))).toEqual({
      kind: 'conflict',
      currentVersion: 4,
    });
    expect(stoppedSaveOutcome(SENT, page(4, { title: 'Renamed by Alex' }))).toEqual({
      kind: 'conflict',
      currentVersion: 4,
    });
  });

  it('is a conflict when the page went past base + 1, even with our body', () => {
    expect(stoppedSaveOutcome(SENT, page(5))).toEqual({ kind: 'conflict', currentVersion: 5 });
  });

  it('does not judge by the parent (a move is a version of its own)', () => {
    expect(stoppedSaveOutcome(SENT, page(4, { parentId: null }))).toEqual({
      kind: 'saved',
      version: 4,
    });
  });

  it('is unknown when the page could not be read again', () => {
    expect(stoppedSaveOutcome(SENT, null)).toEqual({ kind: 'unknown' });
  });
});

describe('stoppedSaveMessage', () => {
  it('names the version a save landed as', () => {
    expect(stoppedSaveMessage({ kind: 'saved', version: 4 }, 3, true)).toMatch(
      /^Saved after all: v4\./,
    );
  });

  it('says the text is safe only when the draft is stored', () => {
    expect(stoppedSaveMessage({ kind: 'not-saved' }, 3, true)).toBe(
      'Not saved; your text is safe (in the editor and as a local draft). Confluence still has version 3.',
    );
    const notKept = stoppedSaveMessage({ kind: 'not-saved' }, 3, false);
    expect(notKept).toMatch(/^Not saved; your text stays in the editor/);
    expect(notKept).not.toContain('safe');
    expect(stoppedSaveMessage({ kind: 'unknown' }, 3, false)).not.toContain('safe');
  });

  it('admits when nobody knows', () => {
    expect(stoppedSaveMessage({ kind: 'unknown' }, 3, true)).toMatch(
      /^Pagewright could not find out whether the save reached Confluence; your text is safe/,
    );
  });
});
