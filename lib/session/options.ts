import 'server-only';

import type { SessionOptions } from 'iron-session';

import { ABSOLUTE_TIMEOUT_MS } from './session-data';
import { resolveSessionPassword } from './secret';

/**
 * Cookie settings (docs/security.md SESS-2): sealed, httpOnly, SameSite=Lax (links from Confluence
 * into Pagewright land signed in), Secure and `__Host-` in production. Chromium treats
 * http://127.0.0.1 and http://localhost as secure, so the demo works with Secure cookies too;
 * PAGEWRIGHT_INSECURE_COOKIES=1 is for plain-http hosts other than those.
 */
export function sessionOptions(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SessionOptions {
  const secure = env.NODE_ENV === 'production' && env.PAGEWRIGHT_INSECURE_COOKIES !== '1';
  return {
    password: resolveSessionPassword(env),
    cookieName: secure ? '__Host-pagewright_session' : 'pagewright_session',
    // The absolute lifetime is enforced on every request; the seal's ttl is the backstop.
    ttl: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000),
    cookieOptions: { httpOnly: true, secure, sameSite: 'lax', path: '/' },
  };
}
