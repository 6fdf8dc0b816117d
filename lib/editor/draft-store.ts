/**
 * A text kept in localStorage, shaped for React's `useSyncExternalStore`: read once, then held in
 * memory; writes reach storage after a short pause (and on `flush`, e.g. at `pagehide`). The
 * server snapshot is null, so nothing stored is rendered before hydration.
 */
export interface DraftStore {
  subscribe(listener: () => void): () => void;
  /** The current text; null when storage is unavailable and nothing was set yet. */
  get(): string | null;
  set(value: string): void;
  /** Writes a pending value now. */
  flush(): void;
}

/** Minimal Storage subset (so tests can pass a Map-backed fake). */
export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function createDraftStore(
  key: string,
  fallback: string,
  storage: () => TextStorage | null,
  delayMs = 300,
): DraftStore {
  let value: string | null = null;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const listeners = new Set<() => void>();

  const write = () => {
    clearTimeout(timer);
    if (!dirty || value === null) return;
    dirty = false;
    try {
      storage()?.setItem(key, value);
    } catch {
      // Quota exceeded or storage disabled: the text stays in memory; nothing else to do here.
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get() {
      if (!loaded) {
        loaded = true;
        try {
          value = storage()?.getItem(key) ?? fallback;
        } catch {
          value = fallback;
        }
      }
      return value;
    },
    set(next) {
      if (next === value) return;
      loaded = true;
      value = next;
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(write, delayMs);
      for (const listener of listeners) listener();
    },
    flush: write,
  };
}
