import { environmentManager, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { AppError, isAppError } from '@/lib/errors';

import { reportAuthError } from './auth-errors';

// Every query and mutation fails with the one error class of lib/errors.ts (fetchJson makes sure
// of that), so `error.code` and `error.transient` are typed everywhere without casts.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}

/** Retry only what may succeed later and the server did not retry already (offline, restarting), twice at most. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return isAppError(error) && error.transient && failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    // Signed out or credentials refused, wherever it happens: AuthRedirect sends the user to /login.
    queryCache: new QueryCache({ onError: reportAuthError }),
    mutationCache: new MutationCache({ onError: reportAuthError }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Long enough that the editor can reuse what the Open screen just fetched.
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * One client for the whole browser session (it survives navigations and Suspense retries, which
 * a `useState` in a layout does not guarantee); a fresh one per server render so no user's data
 * can ever be shared between requests.
 */
export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
