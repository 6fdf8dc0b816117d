import {
  ABSOLUTE_TIMEOUT_MS,
  sessionState,
  type SessionData,
  type SessionState,
} from './session-data';

/**
 * A sealed cookie cannot be recalled, so sign-out remembers the session's id until the cookie
 * could not be valid anyway (security.md SESS-5). In memory per instance; shared through Redis
 * when several instances run (REDIS_URL, issue 8).
 */
const revoked = new Map<string, number>();

export function revokeSession(sid: string, now = Date.now()): void {
  revoked.set(sid, now + ABSOLUTE_TIMEOUT_MS);
  for (const [id, until] of revoked) if (until < now) revoked.delete(id);
}

export function isRevoked(sid: string, now = Date.now()): boolean {
  const until = revoked.get(sid);
  return until !== undefined && until >= now;
}

/** {@link sessionState}, with a signed-out (revoked) session counted as expired. */
export function liveSessionState(data: Partial<SessionData>, now = Date.now()): SessionState {
  return data.sid && isRevoked(data.sid, now) ? 'expired' : sessionState(data, now);
}
