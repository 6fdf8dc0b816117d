import { describe, expect, it } from 'vitest';

import { explainReadOnly, listInWords, UNKNOWN_READ_ONLY_REASON } from './read-only-reason';

const ALEX = { name: 'Alex Other', accountId: 'acc-alex', username: 'alex' };
const DEMO = { name: 'Demo User', accountId: 'acc-demo', username: 'demo' };

describe('explainReadOnly', () => {
  it('blames a page restriction that does not name the user, and names who may edit', () => {
    const explained = explainReadOnly({ people: [ALEX], groups: [] }, { accountId: 'acc-demo' });
    expect(explained.cause).toBe('page-restriction');
    expect(explained.reason).toBe(
      'This page has an edit restriction: only Alex Other may edit it.',
    );
    expect(explained.advice).toContain(
      "Ask Alex Other to add you to the page's edit restriction, or copy your text and send it to them to save.",
    );
    expect(explained.editors).toEqual({ people: [ALEX], groups: [] });
  });

  it('names groups too, and asks one of several', () => {
    const explained = explainReadOnly(
      { people: [ALEX], groups: ['policy-owners'] },
      { username: 'demo' },
    );
    expect(explained.reason).toBe(
      'This page has an edit restriction: only Alex Other and members of the group policy-owners may edit it.',
    );
    expect(explained.advice).toContain('send it to one of them');
  });

  it('a restriction to groups only asks a member of the first group', () => {
    const explained = explainReadOnly({ people: [], groups: ['editors'] }, { username: 'demo' });
    expect(explained.cause).toBe('page-restriction');
    expect(explained.advice).toMatch(/^Ask a member of the group editors to add you/);
  });

  it('blames the space when the page is not restricted', () => {
    const explained = explainReadOnly({ people: [], groups: [] }, { accountId: 'acc-demo' });
    expect(explained.cause).toBe('space-permission');
    expect(explained.reason).toBe('Your account has no permission to edit pages in this space.');
    expect(explained.advice).toMatch(/^Ask a space admin to give you edit permission/);
    expect(explained.editors).toBeNull();
  });

  it.each([
    ['Cloud, by account id', { accountId: 'acc-demo' }],
    ['Data Center, by username', { username: 'demo' }],
  ])('blames the space when the restriction names the user (%s)', (_how, viewer) => {
    const explained = explainReadOnly({ people: [ALEX, DEMO], groups: [] }, viewer);
    expect(explained.cause).toBe('space-permission');
  });

  it('an unknown viewer is not taken for a listed person', () => {
    expect(explainReadOnly({ people: [DEMO], groups: [] }, {}).cause).toBe('page-restriction');
  });

  it('says it cannot tell when the restriction could not be read', () => {
    const explained = explainReadOnly(null, { accountId: 'acc-demo' });
    expect(explained).toMatchObject({ cause: 'unknown', reason: UNKNOWN_READ_ONLY_REASON });
    expect(explained.advice).toContain('copy your text');
  });

  it('every explanation says local work goes on', () => {
    for (const restriction of [null, { people: [], groups: [] }, { people: [ALEX], groups: [] }]) {
      expect(explainReadOnly(restriction, {}).advice).toContain(
        'Drafts, preview, diff and Scratchpad keep working here; saving does not.',
      );
    }
  });
});

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
    [['A', 'B', 'C', 'D', 'E'], 'A, B, C, D and 1 other'],
    [['A', 'B', 'C', 'D', 'E', 'F'], 'A, B, C, D and 2 others'],
  ])('%j → %s', (items, words) => {
    expect(listInWords(items)).toBe(words);
  });
});
