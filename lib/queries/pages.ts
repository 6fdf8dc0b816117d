import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ConfluencePage } from '@/lib/confluence/model';
import { fetchJson } from '@/lib/http/fetch-json';

import { rememberRecentPage } from './recent-pages';

/** A page as GET /api/pages/{id} returns it (storage body, version, space, ancestors). */
export type Page = ConfluencePage;

export function pageQueryKey(id: string) {
  return ['page', id] as const;
}

/** The page query the editor shares with the Open screen (which fetches it before navigating). */
export function pageQueryOptions(id: string) {
  return queryOptions({
    queryKey: pageQueryKey(id),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ page: Page }>(`/api/pages/${encodeURIComponent(id)}`, { signal })).page,
  });
}

/** The id behind whatever the user pasted: an id, any Confluence page URL shape, a tiny link. */
export async function resolvePage(input: string, signal?: AbortSignal): Promise<string> {
  const query = new URLSearchParams({ url: input.trim() });
  return (await fetchJson<{ id: string }>(`/api/pages/resolve?${query}`, { signal })).id;
}

/** What to open, and the signal Cancel aborts. */
export interface OpenRequest {
  input: string;
  signal: AbortSignal;
}

/**
 * "Open": resolve the input, then load the page, so a wrong id fails here with the server's
 * message instead of on an empty editor, the editor starts from a warm cache, and the recent
 * list learns the title.
 */
export function useOpenPage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, signal }: OpenRequest): Promise<Page> => {
      const id = await resolvePage(input, signal);
      const stop = () => void queryClient.cancelQueries({ queryKey: pageQueryKey(id) });
      signal.addEventListener('abort', stop, { once: true });
      try {
        return await queryClient.fetchQuery(pageQueryOptions(id));
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
    onSuccess: (page) => {
      rememberRecentPage({ id: page.id, title: page.title, spaceKey: page.spaceKey });
    },
  });
}
