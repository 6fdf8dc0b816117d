import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { MovePageResult } from '@/lib/confluence/move-page';
import type { PageNeighbourhood, TreeNode } from '@/lib/confluence/page-tree';
import type { SpaceSummary } from '@/lib/confluence/spaces';
import { fetchJson } from '@/lib/http/fetch-json';

import { pageQueryKey, type Page } from './pages';

/** Queries of the page tree (a page's neighbourhood, a node's children). */
function isTreeQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey.includes('tree') || query.queryKey.includes('children');
}

export function pageTreeQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['page', id, 'tree'] as const,
    queryFn: ({ signal }) =>
      fetchJson<PageNeighbourhood>(`/api/pages/${encodeURIComponent(id)}/tree`, { signal }),
    staleTime: 30_000,
  });
}

/** The tree around a page, fetched only once the panel is open. */
export function usePageTree(id: string, enabled: boolean) {
  return useQuery({ ...pageTreeQueryOptions(id), enabled });
}

/** A node's children, fetched when the node is expanded. */
export function useTreeChildren(node: TreeNode, enabled: boolean) {
  return useQuery({
    queryKey: ['page', node.id, 'children', node.kind] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ children: TreeNode[] }>(
        `/api/pages/${encodeURIComponent(node.id)}/children?kind=${node.kind}`,
        { signal },
      ).then((answer) => answer.children),
    enabled,
    staleTime: 30_000,
  });
}

export function useSpaces(enabled: boolean) {
  return useQuery({
    queryKey: ['spaces'] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ spaces: SpaceSummary[] }>('/api/spaces', { signal }).then((a) => a.spaces),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export interface CreatePageRequest {
  spaceKey: string;
  title: string;
  parentId: string | null;
}

export function useCreatePage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePageRequest) =>
      fetchJson<{ id: string }>('/api/pages', { method: 'POST', body: request }),
    // The parent's tree now has one more child.
    onSuccess: () => void queryClient.invalidateQueries({ predicate: isTreeQuery }),
  });
}

export interface MovePageRequest {
  id: string;
  newParentId: string;
  newParentKind: TreeNode['kind'];
  baseVersion: number;
}

/**
 * Moves a page; on success the cached page learns its new parent, ancestors and version (the
 * breadcrumb follows) and every tree is read again.
 */
export function useMovePage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MovePageRequest) =>
      fetchJson<MovePageResult>(`/api/pages/${encodeURIComponent(id)}/move`, {
        method: 'POST',
        body,
      }),
    onSuccess: (moved, request) => {
      queryClient.setQueryData<Page>(pageQueryKey(request.id), (old) =>
        old
          ? {
              ...old,
              parentId: request.newParentId,
              ancestors: moved.ancestors,
              version: { ...old.version, number: moved.version },
            }
          : old,
      );
      void queryClient.invalidateQueries({
        predicate: (query) =>
          query.queryKey.includes('tree') || query.queryKey.includes('children'),
      });
    },
  });
}
