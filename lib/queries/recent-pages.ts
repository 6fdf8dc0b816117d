import { useSyncExternalStore } from 'react';

/**
 * "Recently opened" on the Open screen: a short list in localStorage, most recent first. It
 * holds ids, titles and space keys only — never page bodies or anything about the account.
 */
export interface RecentPage {
  id: string;
  title: string;
  spaceKey: string;
  /** Epoch milliseconds. */
  openedAt: number;
}

export const RECENT_PAGES_KEY = 'pagewright:recent';
export const RECENT_PAGES_MAX = 10;

/** Same-tab writes do not fire `storage` events, so this one tells the mounted lists. */
const CHANGED_EVENT = 'pagewright:recent-changed';
const EMPTY: readonly RecentPage[] = Object.freeze([]);

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage disabled (privacy settings, sandboxed frame): the list simply stays empty.
    return null;
  }
}

function isRecentPage(value: unknown): value is RecentPage {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    // The id becomes part of a link: anything but digits (a tampered entry) is dropped.
    typeof entry.id === 'string' &&
    /^\d{1,20}$/.test(entry.id) &&
    typeof entry.title === 'string' &&
    typeof entry.spaceKey === 'string' &&
    typeof entry.openedAt === 'number' &&
    Number.isFinite(entry.openedAt)
  );
}

/** Parses what is stored, tolerating anything: corrupt or foreign data reads as an empty list. */
export function parseRecentPages(raw: string | null): RecentPage[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value
    .filter(isRecentPage)
    .map(({ id, title, spaceKey, openedAt }) => ({ id, title, spaceKey, openedAt }))
    .sort((a, b) => b.openedAt - a.openedAt)
    .filter((page) => !seen.has(page.id) && Boolean(seen.add(page.id)))
    .slice(0, RECENT_PAGES_MAX);
}

export function readRecentPages(): RecentPage[] {
  return parseRecentPages(storage()?.getItem(RECENT_PAGES_KEY) ?? null);
}

function write(pages: RecentPage[]): void {
  const store = storage();
  if (!store) return;
  try {
    if (pages.length === 0) store.removeItem(RECENT_PAGES_KEY);
    else store.setItem(RECENT_PAGES_KEY, JSON.stringify(pages));
  } catch {
    // Quota exceeded: the list is a convenience, not worth an error.
    return;
  }
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

/** For the editor to call once a page has loaded: moves it to the top, keeps ten at most. */
export function rememberRecentPage(
  page: { id: string; title: string; spaceKey: string },
  now: number = Date.now(),
): void {
  const entry = { id: page.id, title: page.title, spaceKey: page.spaceKey, openedAt: now };
  write(
    [entry, ...readRecentPages().filter((other) => other.id !== page.id)].slice(
      0,
      RECENT_PAGES_MAX,
    ),
  );
}

export function clearRecentPages(): void {
  write([]);
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === RECENT_PAGES_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED_EVENT, onChange);
  };
}

// useSyncExternalStore needs the same array back while nothing changed: cache by the raw string.
let cachedRaw: string | null | undefined;
let cachedPages: readonly RecentPage[] = EMPTY;

function snapshot(): readonly RecentPage[] {
  const raw = storage()?.getItem(RECENT_PAGES_KEY) ?? null;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedPages = raw === null ? EMPTY : parseRecentPages(raw);
  }
  return cachedPages;
}

/** The list, live across tabs; empty during server rendering (the server has no localStorage). */
export function useRecentPages(): readonly RecentPage[] {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}
