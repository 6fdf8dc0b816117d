import type { SessionData } from '../session-data';

/** A Data Center session signed in just now under `sid`: what the revocation checks look up. */
export function signedInSession(sid: string): SessionData {
  const now = Date.now();
  return {
    sid,
    site: { baseUrl: 'https://wiki.example', flavour: 'datacenter' },
    credentials: { method: 'dc-pat', token: 'x' },
    user: { displayName: 'Demo User' },
    createdAt: now,
    lastSeen: now,
  };
}
