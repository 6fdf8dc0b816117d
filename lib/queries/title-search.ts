'use client';

import { useEffect, useState } from 'react';

import { fetchJson } from '@/lib/http/fetch-json';

import type { TitleMatch } from './navigation-types';

/** Type-ahead starts at two characters: one letter matches half the site and spends budget. */
export const MIN_SEARCH_LENGTH = 2;
/** Pause after the last keystroke before asking (each request spends the session's budget). */
export const SEARCH_DEBOUNCE_MS = 250;

export interface TitleSearchState {
  results: TitleMatch[];
  loading: boolean;
  error: unknown;
}

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

interface Answer {
  path: string;
  results: TitleMatch[];
  error: unknown;
}

/**
 * Pages matching `input` by title: debounced, and each new keystroke aborts the request still in
 * flight for the previous text, so a slow old answer never replaces a newer one.
 */
export function useTitleSearch(
  input: string,
  options: { spaceKey?: string; folders?: boolean; enabled?: boolean } = {},
): TitleSearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const text = options.enabled === false ? null : searchableText(input);
  const path = text === null ? null : titleSearchPath(text, options);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchJson<{ results: TitleMatch[] }>(path, { signal: controller.signal }).then(
        ({ results }) => setAnswer({ path, results, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setAnswer({ path, results: [], error });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path]);

  if (path === null) return { results: [], loading: false, error: null };
  // Until this text's answer arrives, the previous options stay (no flicker while typing).
  if (answer?.path !== path) return { results: answer?.results ?? [], loading: true, error: null };
  return { results: answer.results, loading: false, error: answer.error };
}
