import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  areDraftWritesSuspended,
  clearAllDrafts,
  createDraftStore,
  listUnsavedWork,
  registerUnsavedWork,
  resumeDraftWrites,
  suspendDraftWrites,
  type TextStorage,
} from './draft-store';

function fakeStorage(
  initial: Record<string, string> = {},
): TextStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('createDraftStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the stored text once, or the fallback', () => {
    const storage = fakeStorage({ k: '<p>kept</p>' });
    expect(createDraftStore('k', '<p>new</p>', () => storage).get()).toBe('<p>kept</p>');
    expect(createDraftStore('other', '<p>new</p>', () => storage).get()).toBe('<p>new</p>');
  });

  it('writes after a pause, notifies at once, and flushes on demand', () => {
    const storage = fakeStorage();
    const store = createDraftStore('k', '', () => storage, 300);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set('a');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe('a');
    expect(storage.data.get('k')).toBeUndefined();
    vi.advanceTimersByTime(300);
    expect(storage.data.get('k')).toBe('a');
    store.set('b');
    store.flush();
    expect(storage.data.get('k')).toBe('b');
  });

  it('survives storage that throws', () => {
    const broken: TextStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = createDraftStore('k', 'x', () => broken);
    expect(store.get()).toBe('x');
    store.set('y');
    expect(() => store.flush()).not.toThrow();
    expect(store.get()).toBe('y');
  });
});

function listableStorage(initial: Record<string, string>) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('clearAllDrafts', () => {
  it('deletes page drafts and the scratchpad text, and keeps settings', () => {
    const storage = listableStorage({
      'pagewright:draft:9470040': '{}',
      'pagewright:draft:123': '{}',
      'pagewright:scratch:body': '<p>x</p>',
      'pagewright:theme': 'dark',
      'pagewright:recent': '[]',
      'other-app:draft:1': 'x',
    });
    expect(clearAllDrafts(storage)).toBe(3);
    expect([...storage.data.keys()].sort()).toEqual([
      'other-app:draft:1',
      'pagewright:recent',
      'pagewright:theme',
    ]);
  });

  it('tolerates storage being unavailable', () => {
    expect(clearAllDrafts(null)).toBe(0);
  });
});

describe('unsaved work registry', () => {
  it('lists editors while registered, in registration order', () => {
    const first = { title: 'A', keep: vi.fn() };
    const second = { title: 'B', keep: vi.fn() };
    const dropFirst = registerUnsavedWork(first);
    const dropSecond = registerUnsavedWork(second);
    expect(listUnsavedWork().map((work) => work.title)).toEqual(['A', 'B']);
    dropFirst();
    expect(listUnsavedWork()).toEqual([second]);
    dropSecond();
    expect(listUnsavedWork()).toEqual([]);
  });

  it('suspends and resumes draft writes', () => {
    expect(areDraftWritesSuspended()).toBe(false);
    suspendDraftWrites();
    expect(areDraftWritesSuspended()).toBe(true);
    resumeDraftWrites();
    expect(areDraftWritesSuspended()).toBe(false);
  });
});
