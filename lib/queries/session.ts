import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

import { fetchJson } from '@/lib/http/fetch-json';
import type { PublicSession } from '@/lib/session/session-data';

export type { PublicSession };

/** GET /api/session: who is signed in, and how the sign-in form must look. */
export interface SessionInfo {
  session: PublicSession | null;
  /** The operator fixed the Confluence site: no URL field, show this instead. */
  fixedSite: string | null;
  /** Demo mode: the server signs in to its emulator when no URL is given. */
  demo: boolean;
}

/** The POST /api/session body, one shape per sign-in method. */
export type SignInRequest =
  | { method: 'cloud-token'; baseUrl?: string; email: string; token: string }
  | { method: 'dc-pat'; baseUrl?: string; token: string }
  | { method: 'dc-password'; baseUrl?: string; username: string; password: string };

export type SignInMethod = SignInRequest['method'];

export interface DemoAccount {
  label: string;
  note: string;
  signIn: SignInRequest;
}

export const sessionQueryKey = ['session'] as const;

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchJson<SessionInfo>('/api/session', { signal }),
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export function demoAccountsQueryOptions() {
  return queryOptions({
    queryKey: ['demo-accounts'],
    queryFn: async ({ signal }) =>
      (await fetchJson<{ accounts: DemoAccount[] }>('/api/demo-accounts', { signal })).accounts,
    // The emulator's seed accounts never change while the server runs.
    staleTime: Infinity,
  });
}

/** Only asks when the server said it is in demo mode (the endpoint 404s otherwise). */
export function useDemoAccounts(enabled: boolean) {
  return useQuery({ ...demoAccountsQueryOptions(), enabled });
}

/**
 * Drops everything the previous user's session fetched (pages, resolved ids, mutations with their
 * variables) and records "signed out", so no screen shows another account's data. The session
 * entry is overwritten rather than removed: components already subscribed to it see the change at
 * once, where a removed query would leave them showing the old user until they re-render.
 */
export function forgetUser(queryClient: QueryClient): void {
  void queryClient.cancelQueries();
  queryClient.setQueryData<SessionInfo>(sessionQueryKey, (info) =>
    info ? { ...info, session: null } : info,
  );
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.getMutationCache().clear();
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) =>
      fetchJson<{ session: PublicSession }>('/api/session', { method: 'POST', body }),
    // The variables are credentials: do not keep them in the cache after the form is gone.
    gcTime: 0,
    onSuccess: ({ session }) => {
      forgetUser(queryClient);
      const info = queryClient.getQueryData<SessionInfo>(sessionQueryKey);
      if (info) queryClient.setQueryData<SessionInfo>(sessionQueryKey, { ...info, session });
      else void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => fetchJson<void>('/api/session', { method: 'DELETE' }),
    onSuccess: () => {
      forgetUser(queryClient);
      router.replace('/login');
    },
  });
}
