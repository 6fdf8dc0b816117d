const PROBE_ORIGIN = 'https://pagewright.invalid';

/**
 * Where to go after signing in. Only a path on this site is followed: `?next=` comes from the
 * URL, so anything else (`//evil.test`, `/\evil.test`, `https://…`, `javascript:`) would make the
 * sign-in page an open redirect. Going "next" to the sign-in page itself makes no sense either.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Browsers read `\` as `/` and drop tabs/newlines inside URLs: refuse rather than normalise.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
