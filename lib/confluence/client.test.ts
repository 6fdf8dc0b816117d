import { describe, expect, it } from 'vitest';

import { guessFlavour, savePageSafely } from './client';
import { ConfluenceError } from './errors';
import type { ConfluenceAdapter, ConfluencePage, SavePageInput } from './model';

const input: SavePageInput = {
  id: '1',
  title: 'Sandbox',
  body: '<p>new</p>',
  baseVersion: 4,
  parentId: '9',
};

function page(version: number, body: string, title = 'Sandbox'): ConfluencePage {
  return {
    id: '1',
    title,
    spaceKey: 'DEMO',
    parentId: '9',
    ancestors: [{ id: '9', title: 'Home' }],
    version: { number: version, when: '', by: '', message: '', minorEdit: false },
    body,
    webUrl: '',
  };
}

/** An adapter whose save fails with `failure` and whose page then reads as `after`. */
function adapter(failure: ConfluenceError, after: ConfluencePage | Error): ConfluenceAdapter {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    flavour: 'datacenter',
    savePage: () => Promise.reject(failure),
    getPage: () => (after instanceof Error ? Promise.reject(after) : Promise.resolve(after)),
    currentUser: unused,
    getAncestors: unused,
    findPagesByTitle: unused,
    listVersions: unused,
    getVersionBody: unused,
    downloadAttachment: unused,
    renderView: unused,
    pagePermissions: unused,
    displayNames: unused,
  };
}

const timeout = new ConfluenceError('timeout', 'no answer', { transient: true });
const gateway = new ConfluenceError('server_error', 'bad gateway', {
  status: 504,
  transient: true,
});

describe('savePageSafely (DATA-6)', () => {
  it('reports success when a lost answer hid a save that applied', async () => {
    await expect(
      savePageSafely(adapter(timeout, page(5, ' <p>new</p>\n')), input),
    ).resolves.toMatchObject({
      version: 5,
      recovered: true,
      stored: { version: { number: 5 } },
    });
    await expect(
      savePageSafely(adapter(gateway, page(5, '<p>new</p>')), input),
    ).resolves.toMatchObject({
      recovered: true,
    });
  });

  it('keeps the original error when the save did not apply, so the user may retry', async () => {
    await expect(savePageSafely(adapter(timeout, page(4, '<p>old</p>')), input)).rejects.toBe(
      timeout,
    );
  });

  it("reports a conflict when someone else's save is there instead", async () => {
    const result = savePageSafely(adapter(gateway, page(5, '<p>theirs</p>')), input);
    await expect(result).rejects.toMatchObject({
      kind: 'version_conflict',
      details: { currentVersion: 5 },
    });
    await expect(
      savePageSafely(adapter(timeout, page(7, '<p>new</p>')), input),
    ).rejects.toMatchObject({
      kind: 'version_conflict',
      details: { currentVersion: 7 },
    });
  });

  it('does not second-guess definite answers', async () => {
    const conflict = new ConfluenceError('version_conflict', 'stale', {
      status: 409,
      currentVersion: 6,
    });
    await expect(savePageSafely(adapter(conflict, page(6, 'x')), input)).rejects.toBe(conflict);
  });

  it('keeps the original error when the re-read fails too', async () => {
    await expect(savePageSafely(adapter(timeout, new Error('down')), input)).rejects.toBe(timeout);
  });
});

describe('guessFlavour', () => {
  it('tells Cloud sites from Data Center', () => {
    expect(guessFlavour('https://acme.atlassian.net/wiki')).toBe('cloud');
    expect(guessFlavour('https://wiki.corp.example/confluence')).toBe('datacenter');
  });
});
