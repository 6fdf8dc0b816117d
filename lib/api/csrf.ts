import { AppError } from '@/lib/errors';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@/lib/http/csrf-header';

/**
 * The app's own origin: APP_ORIGIN when the operator set it (behind a proxy, where Host may be
 * rewritten); otherwise the host the browser addressed. Next reports `request.url` with its own
 * host name (`localhost` even when the browser used 127.0.0.1), so the Host header is what counts.
 * A cross-site page cannot change the Host a victim's browser sends, so this still stops forgery.
 */
function allowedOrigins(
  request: Request,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (env.APP_ORIGIN) return [env.APP_ORIGIN.replace(/\/$/, '')];
  const url = new URL(request.url);
  const host = request.headers.get('host');
  return host ? [`${url.protocol}//${host}`, url.origin] : [url.origin];
}

/**
 * Cross-site request forgery check for every state-changing route (docs/security.md SESS-6): the
 * browser's `Sec-Fetch-Site` must say same-origin when present, `Origin` must be the app's own
 * origin (APP_ORIGIN when configured — never trusted from Host behind a proxy — else the origin
 * the request was addressed to), the body must be JSON, and the custom `X-CFE-CSRF: 1` header
 * must be there (lib/http/csrf-header.ts). A cross-site page can send neither a JSON content type
 * nor a custom header without a preflight that we never answer; the header also covers bodiless
 * DELETEs, which have no content type to check.
 */
export function assertSameOrigin(
  request: Request,
  env: Readonly<Record<string, string | undefined>> = process.env,
  /** A file upload's body is the file: the custom header alone proves where it came from. */
  body: 'json' | 'file' = 'json',
): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') {
    throw new AppError('csrf_rejected', undefined, { reason: `sec-fetch-site ${fetchSite}` });
  }
  const origin = request.headers.get('origin');
  if (origin === null || !allowedOrigins(request, env).includes(origin)) {
    throw new AppError('csrf_rejected', undefined, {
      reason: origin === null ? 'no origin' : 'foreign origin',
    });
  }
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'DELETE' && body === 'json' && !/^application\/json\b/i.test(type)) {
    throw new AppError('csrf_rejected', undefined, { reason: 'not json' });
  }
  const marker = request.headers.get(CSRF_HEADER);
  if (marker !== CSRF_HEADER_VALUE) {
    throw new AppError('csrf_rejected', undefined, {
      reason: marker === null ? 'no csrf header' : 'wrong csrf header',
    });
  }
}
