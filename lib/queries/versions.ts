import { queryOptions } from '@tanstack/react-query';

import type { PageVersionSummary } from '@/lib/confluence/model';
import { fetchJson } from '@/lib/http/fetch-json';

export type VersionSummary = PageVersionSummary;

/** A page's history, newest first (GET /api/pages/{id}/versions). */
export function versionsQueryOptions(pageId: string) {
  return queryOptions({
    queryKey: ['versions', pageId] as const,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ versions: VersionSummary[] }>(
          `/api/pages/${encodeURIComponent(pageId)}/versions`,
          { signal },
        )
      ).versions,
  });
}

/**
 * One old body. Versions never change once written, so the answer is kept for the whole visit:
 * comparing the same two versions twice costs no second request.
 */
export function versionBodyQueryOptions(pageId: string, version: number) {
  return queryOptions({
    queryKey: ['version-body', pageId, version] as const,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ version: number; body: string }>(
          `/api/pages/${encodeURIComponent(pageId)}/versions/${version}`,
          { signal },
        )
      ).body,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}
