import 'server-only';

import type { ConfluenceCredentials, ConfluenceFlavour } from '@/lib/confluence/model';

/**
 * What the sealed session cookie holds, and the rules that apply to it on every request. The
 * credentials never leave the server: the browser only ever sees {@link publicSession}.
 */

export interface SessionData {
  /** Random id per sign-in: logout puts it on a denylist (a sealed cookie cannot be recalled). */
  sid: string;
  site: { baseUrl: string; flavour: ConfluenceFlavour };
  credentials: ConfluenceCredentials;
  user: { displayName: string; accountId?: string; username?: string };
  /** Epoch milliseconds (iron-session 9 refuses Date objects; numbers work in 8 and 9). */
  createdAt: number;
  lastSeen: number;
}

/** Idle and absolute lifetimes (docs/security.md SESS-4): an office day at most, 30 minutes idle. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** `lastSeen` is re-saved at most this often, so not every request rewrites the cookie. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionState = 'signed-out' | 'valid' | 'idle-expired' | 'expired';

export function sessionState(data: Partial<SessionData>, now = Date.now()): SessionState {
  if (!data.sid || !data.credentials || !data.site || !data.createdAt || !data.lastSeen) {
    return 'signed-out';
  }
  if (now - data.createdAt > ABSOLUTE_TIMEOUT_MS) return 'expired';
  if (now - data.lastSeen > IDLE_TIMEOUT_MS) return 'idle-expired';
  return 'valid';
}

export function needsTouch(data: SessionData, now = Date.now()): boolean {
  return now - data.lastSeen > TOUCH_INTERVAL_MS;
}

/** The only part of a session the browser may see. */
export interface PublicSession {
  displayName: string;
  site: string;
  flavour: ConfluenceFlavour;
}

export function publicSession(data: SessionData): PublicSession {
  return {
    displayName: data.user.displayName,
    site: data.site.baseUrl,
    flavour: data.site.flavour,
  };
}
