import { AppError } from '@/lib/errors';

/**
 * Cross-site request forgery check for every state-changing route (security.md SESS-6): the
 * browser's `Sec-Fetch-Site` must say same-origin when present, `Origin` must be the app's own
 * origin (APP_ORIGIN when configured — never trusted from Host behind a proxy — else the origin
 * the request was addressed to), and the body must be JSON, which a cross-site form cannot send
 * without a preflight that we never answer.
 */
export function assertSameOrigin(
  request: Request,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') {
    throw new AppError('csrf_rejected', undefined, { reason: `sec-fetch-site ${fetchSite}` });
  }
  const origin = request.headers.get('origin');
  const allowed = env.APP_ORIGIN ? env.APP_ORIGIN.replace(/\/$/, '') : new URL(request.url).origin;
  if (origin === null || origin !== allowed) {
    throw new AppError('csrf_rejected', undefined, {
      reason: origin === null ? 'no origin' : 'foreign origin',
    });
  }
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'DELETE' && !/^application\/json\b/i.test(type)) {
    throw new AppError('csrf_rejected', undefined, { reason: 'not json' });
  }
}
