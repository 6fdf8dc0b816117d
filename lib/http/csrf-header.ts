/**
 * The custom header every state-changing request to Pagewright carries (docs/security.md SESS-6:
 * `X-CFE-CSRF: 1`). The server's CSRF check (lib/api/csrf.ts) refuses a POST, PUT or DELETE
 * without it; the browser's client (lib/http/fetch-json.ts) and every script or test that writes
 * through the API send it. A cross-site page cannot add a custom header without a CORS preflight,
 * which the app never answers, so its presence proves the request came from the app's own code,
 * bodiless DELETEs included (those have no JSON content type to show for it).
 *
 * Header names are case-insensitive; it is written in lower case like every other header here.
 */
export const CSRF_HEADER = 'x-cfe-csrf';

/** The one value accepted: the header's presence is the proof, the value is fixed. */
export const CSRF_HEADER_VALUE = '1';

/** The header as an object to spread into a request's headers. */
export const CSRF_HEADERS: Readonly<Record<typeof CSRF_HEADER, typeof CSRF_HEADER_VALUE>> = {
  [CSRF_HEADER]: CSRF_HEADER_VALUE,
};
