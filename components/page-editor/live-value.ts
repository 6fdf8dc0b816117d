import { useSyncExternalStore } from 'react';

/**
 * A value that changes faster than the page editor should re-render (the text on every key, the
 * cursor): only the components that show it subscribe, so a keystroke re-renders the preview and
 * the cursor readout, not the whole editor (issue #5).
 */
export interface LiveValue<T> {
  get(): T;
  /** Notifies subscribers when the value differs (`Object.is`). */
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveValue<T>(initial: T): LiveValue<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(value) {
      if (Object.is(value, current)) return;
      current = value;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The live value's current value; re-renders the caller (only) when it changes. */
export function useLiveValue<T>(live: LiveValue<T>): T {
  return useSyncExternalStore(live.subscribe, live.get, live.get);
}
