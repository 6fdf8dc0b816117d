import 'server-only';

import { AppError } from '@/lib/errors';
import { sharedStore, StoreUnavailableError, type SharedStore } from '@/lib/store';

import {
  ABSOLUTE_TIMEOUT_MS,
  sessionState,
  type SessionData,
  type SessionState,
} from './session-data';

/**
 * A sealed cookie cannot be recalled, so sign-out remembers the session's id until the cookie
 * could not be valid anyway (docs/security.md SESS-5). The list lives in the shared store: with
 * REDIS_URL set, a sign-out on one instance is seen by all of them.
 *
 * When the store cannot be asked, the check fails closed: the request is answered 503
 * (`server_unavailable`) rather than honour a cookie that may have been signed out.
 */
const key = (sid: string) => `revoked:${sid}`;

export async function revokeSession(
  sid: string,
  store: SharedStore = sharedStore(),
): Promise<void> {
  // A sign-out that could not be recorded must say so: the cookie would still open elsewhere.
  await unavailableAsAppError(() => store.setFlag(key(sid), ABSOLUTE_TIMEOUT_MS));
}

export async function isRevoked(sid: string, store: SharedStore = sharedStore()): Promise<boolean> {
  return store.hasFlag(key(sid));
}

/** {@link sessionState}, with a signed-out (revoked) session counted as expired. */
export async function liveSessionState(
  data: Partial<SessionData>,
  now = Date.now(),
  store: SharedStore = sharedStore(),
): Promise<SessionState> {
  const state = sessionState(data, now);
  // Only a session that would otherwise be valid needs the (possibly remote) lookup.
  if (state !== 'valid' || !data.sid) return state;
  const revoked = await unavailableAsAppError(() => isRevoked(data.sid!, store));
  return revoked ? 'expired' : 'valid';
}

async function unavailableAsAppError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new AppError('server_unavailable');
    throw error;
  }
}
