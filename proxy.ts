import { NextResponse, type NextRequest } from 'next/server';

import {
  contentSecurityPolicy,
  contentSecurityPolicyReportOnly,
  PROXIED_CONTENT_POLICY,
  servesProxiedContent,
  STATIC_SECURITY_HEADERS,
} from '@/lib/api/security-headers';
import { trustedTypesMode } from '@/lib/security/trusted-types-header';

// Read once: a wrong value fails the first request loudly rather than silently dropping XSS-9.
let trustedTypes: ReturnType<typeof trustedTypesMode> | undefined;

/**
 * Runs before every request (Next 16's proxy, formerly middleware): a fresh CSP nonce per
 * response, passed to Next on the request so its own scripts carry it, and the security headers.
 * PAGEWRIGHT_TRUSTED_TYPES (enforce | report-only | off; default enforce, report-only under `next dev`) rolls out XSS-9.
 */
export function proxy(request: NextRequest) {
  // A header set here replaces the route's own: files from Confluence keep their sandbox.
  if (servesProxiedContent(request.nextUrl.pathname))
    return withStaticHeaders(PROXIED_CONTENT_POLICY);
  const dev = process.env.NODE_ENV === 'development';
  trustedTypes ??= trustedTypesMode(process.env.PAGEWRIGHT_TRUSTED_TYPES, { dev });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    dev,
    https: request.nextUrl.protocol === 'https:',
    trustedTypes,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  const reportOnly = contentSecurityPolicyReportOnly(trustedTypes);
  if (reportOnly) response.headers.set('content-security-policy-report-only', reportOnly);
  response.headers.set('reporting-endpoints', 'csp="/api/csp-report"');
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS))
    response.headers.set(name, value);
  return response;
}

function withStaticHeaders(policy: string): NextResponse {
  const response = NextResponse.next();
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS))
    response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      // The proxy would copy a request body into memory (and cut it at 10 MB) to let both
      // itself and the route read it: file uploads (a custom header no cross-site page can
      // set) go straight to their route, which streams them (docs/security.md, uploads).
      missing: [{ type: 'header', key: 'x-pagewright-upload' }],
    },
  ],
};
