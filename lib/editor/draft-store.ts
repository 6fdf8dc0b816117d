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

/** localStorage key of the Scratchpad's body (the e2e suite seeds bodies through it too). */
export const SCRATCH_BODY_KEY = 'pagewright:scratch:body';

/** Keys of local drafts: page drafts (`pagewright:draft:{id}`) and the scratchpad's text. */
const DRAFT_KEY_PREFIXES = ['pagewright:draft:', 'pagewright:scratch:'] as const;

export function isDraftKey(key: string): boolean {
  return DRAFT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Storage that can list its keys (localStorage; a Map-backed fake in tests). */
export interface ListableStorage {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

function browserStorage(): ListableStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Deletes every local draft this app keeps in this browser (localStorage is per origin, so these
 * are exactly this Pagewright site's drafts) — for "Sign out and delete local drafts" on a shared
 * computer. Other settings (theme, recent pages) stay. Returns how many were deleted.
 */
export function clearAllDrafts(storage: ListableStorage | null = browserStorage()): number {
  const keys = draftKeys(storage);
  try {
    for (const key of keys) storage?.removeItem(key);
    return keys.length;
  } catch {
    return 0;
  }
}

/** The keys of the local drafts kept in this browser (none when storage is unavailable). */
export function draftKeys(storage: ListableStorage | null = browserStorage()): string[] {
  if (!storage) return [];
  try {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null && isDraftKey(key)) keys.push(key);
    }
    return keys;
  } catch {
    return [];
  }
}

// While true, page drafts are not written: after "Sign out and delete local drafts" the editor
// being torn down must not write its text back. Lifted at the next sign-in.
let draftWritesSuspended = false;

export function suspendDraftWrites(): void {
  draftWritesSuspended = true;
}

export function resumeDraftWrites(): void {
  draftWritesSuspended = false;
}

export function areDraftWritesSuspended(): boolean {
  return draftWritesSuspended;
}

/** An editor with unsaved changes: what sign-out warns about and keeps first. */
export interface UnsavedWork {
  /** The page's title, named in the warning. */
  title: string;
  /** Writes the local draft now. */
  keep(): void;
}

const unsaved = new Set<UnsavedWork>();

/** Registers while the editor has unsaved changes; call the returned function when it no longer has. */
export function registerUnsavedWork(work: UnsavedWork): () => void {
  unsaved.add(work);
  return () => {
    unsaved.delete(work);
  };
}

export function listUnsavedWork(): UnsavedWork[] {
  return [...unsaved];
}
