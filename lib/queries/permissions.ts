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

/** A page the user may not edit: what stops them and what they can do. */
export type ReadOnlyReason = PagePermissions & { canEdit: false; reason: string; advice: string };

export function readOnlyReasonOf(permissions: PagePermissions | undefined): ReadOnlyReason | null {
  if (!permissions || permissions.canEdit || permissions.reason === null) return null;
  return {
    ...permissions,
    canEdit: false,
    reason: permissions.reason,
    advice: permissions.advice ?? '',
  };
}

/**
 * Why the signed-in user may not edit page `id`, asked when it opens; null while asking, when
 * editing is allowed, or when Confluence could not say (the save itself still finds out).
 */
export function useReadOnlyReason(id: string): ReadOnlyReason | null {
  // Not while signed out (or signing out): the page stays on screen, the session does not.
  const signedIn = Boolean(useSession().data?.session);
  const query = useQuery({ ...permissionsQueryOptions(id), enabled: signedIn });
  return readOnlyReasonOf(query.data);
}
