import { isAppError, type AppError } from '@/lib/errors';

/** Why the sign-in page was opened, as carried in `/login?reason=`. */
export type SignInReason = 'expired' | 'signed-out' | 'unauthorized';

type Listener = (error: AppError) => void;

const listeners = new Set<Listener>();

/** Errors that mean "this browser must sign in (again)" rather than "this action failed". */
export function isAuthError(error: unknown): error is AppError {
  return (
    isAppError(error) &&
    (error.code === 'not_signed_in' || error.code === 'confluence_unauthorized')
  );
}

/**
 * Called by the query and mutation caches for every failure. The cache has no router, so the one
 * mounted AuthRedirect subscribes here and does the navigation.
 */
export function reportAuthError(error: unknown): void {
  if (!isAuthError(error)) return;
  for (const listener of listeners) listener(error);
}

export function onAuthError(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function signInPath(reason?: SignInReason, next?: string): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (next && next !== '/') params.set('next', next);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
