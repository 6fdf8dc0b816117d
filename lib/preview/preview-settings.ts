/**
 * Preview settings kept in this browser (localStorage), shaped for useSyncExternalStore.
 * "Load external images" is off unless the user turned it on: an external image tells its host
 * that someone is reading the page (docs/security.md XSS-6).
 */

export const EXTERNAL_IMAGES_KEY = 'pagewright:preview:external-images';

export interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface FlagStore {
  subscribe(listener: () => void): () => void;
  get(): boolean;
  set(value: boolean): void;
}

/** A boolean flag in storage: '1' is on, anything else (or unreadable storage) is off. */
export function createFlagStore(key: string, storage: () => FlagStorage | null): FlagStore {
  const listeners = new Set<() => void>();
  let cached: boolean | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get() {
      if (cached === null) {
        try {
          cached = storage()?.getItem(key) === '1';
        } catch {
          cached = false;
        }
      }
      return cached;
    },
    set(value) {
      cached = value;
      try {
        if (value) storage()?.setItem(key, '1');
        else storage()?.removeItem(key);
      } catch {
        // Storage disabled: the setting holds for this page only.
      }
      for (const listener of listeners) listener();
    },
  };
}
