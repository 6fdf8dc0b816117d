'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

// One list for the page: `matchMedia` builds a new one on each call, and the snapshot is read on
// every render of a component using the theme (the page editor's, on each key). Its `matches` is live.
let darkQuery: MediaQueryList | undefined;
function darkQueryList(): MediaQueryList {
  darkQuery ??= window.matchMedia(QUERY);
  return darkQuery;
}

function subscribe(listener: () => void): () => void {
  const media = darkQueryList();
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** Whether the system prefers a dark theme, live (false on the server). */
export function useSystemDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => darkQueryList().matches,
    () => false,
  );
}
