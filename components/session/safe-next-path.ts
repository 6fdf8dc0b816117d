/** Any origin works for resolving a relative path; this one can never be a real site. */
const PROBE_ORIGIN = 'https://pagewright.invalid';

/** The pages a sign-in may lead back to: Open, Scratchpad and a page's editor. */
const APP_PATHS: readonly RegExp[] = [/^\/$/, /^\/scratch$/, /^\/pages\/\d{1,20}$/];

/**
 * Where to go after signing in. `?next=` comes from the URL, so anything but a page of this app
 * would make the sign-in page an open redirect. The *normalised* result is what is checked:
 * `/./`, `/a/../` or `%2e` segments can turn a harmless-looking path into `//evil.example`, a
 * protocol-relative URL to another site, after normalisation. So the path must resolve to this
 * origin, be one of this app's pages, and mean the same URL when the router resolves it again.
 * Anything else goes to `/`.
 */
export function safeNextPath(next: string | null | undefined, origin = PROBE_ORIGIN): string {
  if (!next || !next.startsWith('/')) return '/';
  // Browsers read `\` as `/` and drop tabs/newlines inside URLs: refuse rather than normalise.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  if (!APP_PATHS.some((path) => path.test(url.pathname))) return '/';
  const target = `${url.pathname}${url.search}${url.hash}`;
  return new URL(target, origin).href === url.href ? target : '/';
}
