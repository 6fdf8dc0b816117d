import { queryOptions } from '@tanstack/react-query';

import type { PageLabel } from '@/lib/confluence/labels';
import { fetchJson } from '@/lib/http/fetch-json';

export type { PageLabel };

const path = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}/labels`;

/** A page's labels (GET /api/pages/{id}/labels). */
export function labelsQueryOptions(pageId: string) {
  return queryOptions({
    queryKey: ['labels', pageId] as const,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ labels: PageLabel[] }>(path(pageId), { signal })).labels,
  });
}

export async function addLabel(pageId: string, name: string): Promise<PageLabel[]> {
  return (
    await fetchJson<{ labels: PageLabel[] }>(path(pageId), { method: 'POST', body: { name } })
  ).labels;
}

export async function removeLabel(pageId: string, name: string): Promise<PageLabel[]> {
  return (
    await fetchJson<{ labels: PageLabel[] }>(`${path(pageId)}?name=${encodeURIComponent(name)}`, {
      method: 'DELETE',
    })
  ).labels;
}
