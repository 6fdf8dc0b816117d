import { describe, expect, it } from 'vitest';

import {
  describeBodyChanges,
  verificationMessage,
  verifySave,
  verifySavedPage,
} from './save-verification';
import { verifiedSave } from './testing/save-verification';

const sent = {
  title: 'Sandbox',
  body: '<p>Hello&nbsp;<strong>world</strong></p>\n<p>Two</p>',
  parentId: '9469953',
};

const readBack = (
  overrides: Partial<{
    title: string;
    body: string;
    parentId: string | null;
    version: number;
  }> = {},
) => ({
  title: overrides.title ?? sent.title,
  body: overrides.body ?? '<p>Hello\u00a0<strong>world</strong></p><p>Two</p>',
  parentId: overrides.parentId === undefined ? sent.parentId : overrides.parentId,
  version: { number: overrides.version ?? 6 },
});

describe('verifySave', () => {
  it('accepts a page Confluence only re-serialised', () => {
    const verification = verifySave(sent, readBack(), 5);
    expect(verification).toEqual(verifiedSave(6));
    expect(verificationMessage(verification, 6)).toBe('Saved and verified v6.');
  });

  it('names what Confluence rewrote in the body', () => {
    const verification = verifySave(
      sent,
      readBack({ body: '<p>Hello\u00a0<b>world</b></p><p>Two</p>' }),
      5,
    );
    expect(verification).toMatchObject({ ok: false, bodyMatches: false, versionMatches: true });
    expect('changes' in verification && verification.changes).toEqual([
      'Confluence rewrote `<p>Hello\u00a0<strong>world</strong></p>` as `<p>Hello\u00a0<b>world</b></p>`',
    ]);
    expect(verificationMessage(verification, 6)).toBe(
      'Saved v6, but the page read back does not match: Confluence rewrote `<p>Hello\u00a0<strong>world</strong></p>` as `<p>Hello\u00a0<b>world</b></p>`',
    );
  });

  it('reports another save in between, a changed title and a moved page', () => {
    const verification = verifySave(
      sent,
      readBack({ version: 7, title: 'Other', parentId: null, body: '<p>Theirs</p>' }),
      5,
    );
    expect(verification).toMatchObject({
      ok: false,
      version: 7,
      versionMatches: false,
      titleMatches: false,
      parentUnchanged: false,
      bodyMatches: false,
    });
    expect('changes' in verification && verification.changes).toEqual([
      'The page is at version 7, not 6: someone else saved in between.',
      'The title is “Other”, not “Sandbox”.',
      'The page moved: its parent is none (top of the space), not 9469953.',
      'The stored page rewrote `<p>Hello\u00a0<strong>world</strong></p>`, `<p>Two</p>` as `<p>Theirs</p>`',
    ]);
  });

  it('says when the page could not be read back', () => {
    expect(verificationMessage({ ok: false, reason: 'could not read back' }, 6)).toBe(
      'Saved v6, but the page could not be read back to verify it.',
    );
  });
});

describe('describeBodyChanges', () => {
  it('describes additions and removals, and counts what it leaves out', () => {
    expect(describeBodyChanges('<p>a</p>', '<p>a</p><p>b</p>')).toEqual([
      'Confluence added `<p>b</p>`',
    ]);
    expect(describeBodyChanges('<p>a</p><p>b</p>', '<p>b</p>')).toEqual([
      'Confluence removed `<p>a</p>`',
    ]);
    const many = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `<p>${tag}${i}</p><h2>keep${i}</h2>`).join('');
    const changes = describeBodyChanges(many(8, 'x'), many(8, 'y'));
    expect(changes).toHaveLength(6);
    expect(changes.at(-1)).toBe('…and 3 more changes');
  });

  it('clips long blocks', () => {
    const long = `<p>${'w'.repeat(200)}</p>`;
    const [change] = describeBodyChanges(long, '<p>short</p>');
    expect(change!.length).toBeLessThan(200);
    expect(change).toContain('…');
  });
});

describe('routine rewrites', () => {
  it('accepts the ids Confluence adds to macros, and mentions them', () => {
    const body = '<ac:structured-macro ac:name="toc"/><p>x</p>';
    const stored =
      '<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:macro-id="4f1c"/><p>x</p>';
    const verification = verifySave(
      { title: 'T', body, parentId: null },
      { title: 'T', body: stored, parentId: null, version: { number: 2 } },
      1,
    );
    expect(verification).toMatchObject({ ok: true, bodyMatches: true });
    expect('changes' in verification && verification.changes).toEqual([
      'Confluence added its own ids to 2 elements (ac:macro-id, ac:local-id…): expected, nothing to do.',
    ]);
    expect(verificationMessage(verification, 2)).toBe('Saved and verified v2.');
  });

  it('still sees a changed parameter next to added ids', () => {
    const verification = verifySave(
      {
        title: 'T',
        body: '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>',
        parentId: null,
      },
      {
        title: 'T',
        body: '<ac:structured-macro ac:name="toc" ac:macro-id="1"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro>',
        parentId: null,
        version: { number: 2 },
      },
      1,
    );
    expect(verification).toMatchObject({ ok: false, bodyMatches: false });
  });
});

describe('verifySavedPage', () => {
  it("uses the page the save's answer carried, without reading back", async () => {
    let reads = 0;
    const verification = await verifySavedPage(sent, 5, readBack(), async () => {
      reads++;
      return readBack();
    });
    expect(reads).toBe(0);
    expect(verification.ok).toBe(true);
  });

  it('reads back once when the answer carried no body', async () => {
    let reads = 0;
    const verification = await verifySavedPage(sent, 5, undefined, async () => {
      reads++;
      return readBack({ title: 'Renamed by someone' });
    });
    expect(reads).toBe(1);
    expect(verification).toMatchObject({ ok: false, titleMatches: false });
  });

  it('reports "could not read back" when that read fails, instead of failing the save', async () => {
    const verification = await verifySavedPage(sent, 5, undefined, async () => {
      throw new Error('503');
    });
    expect(verification).toEqual({ ok: false, reason: 'could not read back' });
  });
});
