import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  clearRecentPages,
  parseRecentPages,
  readRecentPages,
  RECENT_PAGES_KEY,
  rememberRecentPage,
} from './recent-pages';

function fakeWindow() {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  const dispatchEvent = vi.fn();
  vi.stubGlobal('window', { localStorage, dispatchEvent });
  return { items, dispatchEvent };
}

let fake: ReturnType<typeof fakeWindow>;
beforeEach(() => {
  fake = fakeWindow();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('recent pages', () => {
  it('puts the latest page first and moves a reopened page to the top', () => {
    rememberRecentPage({ id: '1', title: 'One', spaceKey: 'A' }, 1000);
    rememberRecentPage({ id: '2', title: 'Two', spaceKey: 'A' }, 2000);
    rememberRecentPage({ id: '1', title: 'One renamed', spaceKey: 'A' }, 3000);
    expect(readRecentPages()).toEqual([
      { id: '1', title: 'One renamed', spaceKey: 'A', openedAt: 3000 },
      { id: '2', title: 'Two', spaceKey: 'A', openedAt: 2000 },
    ]);
    expect(fake.dispatchEvent).toHaveBeenCalledTimes(3);
  });

  it('keeps ten at most', () => {
    for (let i = 1; i <= 12; i++)
      rememberRecentPage({ id: String(i), title: `P${i}`, spaceKey: 'S' }, i);
    const pages = readRecentPages();
    expect(pages).toHaveLength(10);
    expect(pages[0]!.id).toBe('12');
    expect(pages[9]!.id).toBe('3');
  });

  it('clears the list', () => {
    rememberRecentPage({ id: '1', title: 'One', spaceKey: 'A' });
    clearRecentPages();
    expect(fake.items.has(RECENT_PAGES_KEY)).toBe(false);
    expect(readRecentPages()).toEqual([]);
  });

  it('keeps a title with markup as the exact string (rendering it as text is the UI’s job)', () => {
    const title = '<img src=x onerror=alert(1)>';
    rememberRecentPage({ id: '7', title, spaceKey: 'X' }, 5);
    expect(readRecentPages()[0]!.title).toBe(title);
  });

  it('reads corrupt, foreign or tampered data as nothing rather than failing', () => {
    expect(parseRecentPages('not json')).toEqual([]);
    expect(parseRecentPages('{"id":"1"}')).toEqual([]);
    expect(
      parseRecentPages(
        JSON.stringify([
          { id: '../../admin', title: 't', spaceKey: 's', openedAt: 1 },
          { id: '5', title: 42, spaceKey: 's', openedAt: 1 },
          { id: '6', title: 'ok', spaceKey: 'S', openedAt: 2, extra: 'dropped' },
          { id: '6', title: 'older duplicate', spaceKey: 'S', openedAt: 1 },
        ]),
      ),
    ).toEqual([{ id: '6', title: 'ok', spaceKey: 'S', openedAt: 2 }]);
  });

  it('does nothing without storage (server rendering, storage disabled)', () => {
    vi.unstubAllGlobals();
    expect(() => rememberRecentPage({ id: '1', title: 'One', spaceKey: 'A' })).not.toThrow();
    expect(readRecentPages()).toEqual([]);
  });
});
