'use client';

import { useEffect, useState } from 'react';

import type { TitleMatch } from '@/lib/confluence/search';
import { fetchJson } from '@/lib/http/fetch-json';

/** Type-ahead starts at two characters: one letter matches half the site and spends budget. */
export const MIN_SEARCH_LENGTH = 2;
/** Pause after the last keystroke before asking (each request spends the session's budget). */
export const SEARCH_DEBOUNCE_MS = 250;

export interface TitleSearchState {
  results: TitleMatch[];
  loading: boolean;
  error: unknown;
}

const IDLE: TitleSearchState = { results: [], loading: false, error: null };

/** The text worth searching for, or null (too short, or a page id / URL the Open field resolves). */
export function searchableText(input: string): string | null {
  const text = input.trim();
  if (text.length < MIN_SEARCH_LENGTH) return null;
  if (/^\d+$/.test(text) || /^https?:\/\//i.test(text) || text.startsWith('/')) return null;
  return text;
}

export function titleSearchPath(
  text: string,
  options: { spaceKey?: string; folders?: boolean },
): string {
  const query = new URLSearchParams({ q: text });
  if (options.spaceKey) query.set('spaceKey', options.spaceKey);
  if (options.folders) query.set('folders', '1');
  return `/api/pages/search?${query}`;
}

/**
 * Pages matching `input` by title: debounced, and each new keystroke aborts the request still in
 * flight for the previous text, so a slow old answer never replaces a newer one.
 */
export function useTitleSearch(
  input: string,
  options: { spaceKey?: string; folders?: boolean; enabled?: boolean } = {},
): TitleSearchState {
  const [state, setState] = useState<TitleSearchState>(IDLE);
  const text = options.enabled === false ? null : searchableText(input);
  const path = text === null ? null : titleSearchPath(text, options);

  useEffect(() => {
    if (path === null) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState((old) => ({ ...old, loading: true, error: null }));
    const timer = setTimeout(() => {
      fetchJson<{ results: TitleMatch[] }>(path, { signal: controller.signal }).then(
        ({ results }) => setState({ results, loading: false, error: null }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ results: [], loading: false, error });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path]);

  return state;
}
