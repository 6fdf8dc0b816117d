import { queryOptions, useQuery } from '@tanstack/react-query';

import type { PagePermissions } from '@/lib/confluence/operations';
import { fetchJson } from '@/lib/http/fetch-json';
import { useSession } from './session';

export function permissionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['page', id, 'permissions'] as const,
    queryFn: ({ signal }) =>
      fetchJson<PagePermissions>(`/api/pages/${encodeURIComponent(id)}/permissions`, { signal }),
    staleTime: 5 * 60 * 1000,
    retry: 1,
  });
}

/**
 * Why the signed-in user may not edit page `id`, asked when it opens; null while asking, when
 * editing is allowed, or when Confluence could not say (the save itself still finds out).
 */
export function useReadOnlyReason(id: string): string | null {
  // Not while signed out (or signing out): the page stays on screen, the session does not.
  const signedIn = Boolean(useSession().data?.session);
  const query = useQuery({ ...permissionsQueryOptions(id), enabled: signedIn });
  return query.data && !query.data.canEdit ? query.data.reason : null;
}
