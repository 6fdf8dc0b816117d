import { NextResponse, type NextRequest } from 'next/server';

import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/api/security-headers';

/**
 * Runs before every request (Next 16's proxy, formerly middleware): a fresh CSP nonce per
 * response, passed to Next on the request so its own scripts carry it, and the security headers.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('reporting-endpoints', 'csp="/api/csp-report"');
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS))
    response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
