import { describe, expect, it, vi } from 'vitest';

import { createFlagStore, type FlagStorage } from './preview-settings';

function memoryStorage(): FlagStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('createFlagStore', () => {
  it('is off by default and remembers being turned on and off', () => {
    const storage = memoryStorage();
    const store = createFlagStore('k', () => storage);
    expect(store.get()).toBe(false);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(true);
    expect(storage.data.get('k')).toBe('1');
    expect(createFlagStore('k', () => storage).get()).toBe(true);
    store.set(false);
    expect(storage.data.has('k')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('treats unreadable storage or other values as off', () => {
    const broken: FlagStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const store = createFlagStore('k', () => broken);
    expect(store.get()).toBe(false);
    store.set(true);
    expect(store.get()).toBe(true);
    const storage = memoryStorage();
    storage.data.set('k', 'true');
    expect(createFlagStore('k', () => storage).get()).toBe(false);
  });
});
