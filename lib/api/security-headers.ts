import { type TrustedTypesMode, trustedTypesDirectives } from '@/lib/security/trusted-types-header';

/**
 * Response headers for every route (docs/security.md CSP-1, CSP-5, XSS-9). The CSP is strict for scripts
 * (a fresh nonce per response plus 'strict-dynamic', no 'unsafe-eval' in production) and
 * accepts inline styles because Monaco writes them with no nonce hook (microsoft/monaco-editor
 * #271); preview content lives in a sandboxed frame, so CSS injection there cannot reach the app.
 * With `trustedTypes: 'enforce'` the Trusted Types directives are part of it (XSS-9).
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; https: boolean; trustedTypes?: TrustedTypesMode },
): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // https: only so the preview frame (a srcdoc document inherits this policy) can show external
    // images once the user allows them; the frame's own CSP meta allows them only then. The app
    // document itself renders no page-derived markup (XSS-8).
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.trustedTypes === 'enforce' ? trustedTypesDirectives() : []),
    // Only where the app itself is on https: on http://127.0.0.1 it would break every request.
    ...(options.https ? ['upgrade-insecure-requests'] : []),
    'report-to csp',
  ].join('; ');
}

/**
 * The Content-Security-Policy-Report-Only value for the Trusted Types rollout (XSS-9): in
 * `report-only` mode the browser reports what would have been blocked to the `csp` endpoint and
 * blocks nothing. No header (null) in the other modes.
 */
export function contentSecurityPolicyReportOnly(mode: TrustedTypesMode): string | null {
  if (mode !== 'report-only') return null;
  return [...trustedTypesDirectives(), 'report-to csp'].join('; ');
}

/**
 * The policy of a response that carries a file from Confluence as it is (an attachment): no
 * script, no plugin, no subresource, an opaque origin if it is opened as a document, and never
 * framed. An uploaded HTML or SVG file then cannot act on the app's origin, whatever type it is
 * served as. Inline styles stay: an SVG shown as an image needs its own <style>, and styles
 * cannot run script.
 */
export const PROXIED_CONTENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/**
 * Routes that answer with a file from Confluence (attachments, and the site's own images such as
 * emoticons): they get PROXIED_CONTENT_POLICY, not the app's.
 */
const PROXIED_CONTENT_ROUTES = /^\/api\/(pages\/[^/]+\/attachments|resources)(\/|$)/;

/**
 * Does `pathname` (as the proxy sees it, before routing) reach a route serving Confluence's
 * files? The proxy sets the policy of every response, so it must give these theirs.
 */
export function servesProxiedContent(pathname: string): boolean {
  // The router matches decoded segments (`%61ttachments` is `attachments`): so does this.
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: the raw path is all there is.
  }
  return PROXIED_CONTENT_ROUTES.test(pathname) || PROXIED_CONTENT_ROUTES.test(decoded);
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
};
