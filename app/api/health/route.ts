import { logger } from '@/lib/log/logger';
import { requestIdOf } from '@/lib/log/request-id';
import { checkReadiness } from '@/lib/server/readiness';
import { sharedStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health – liveness: 200 while the process serves requests.
 * GET /api/health?ready=1 – readiness: 200 when the configured Confluence (or the demo emulator)
 * and, with REDIS_URL, Redis answer; else 503 with the failing check named.
 * No session, no CSRF check, no secret or address in the answer: probes call it anonymously.
 */
export async function GET(request: Request): Promise<Response> {
  const requestId = requestIdOf(request);
  const headers = { 'cache-control': 'no-store', 'x-request-id': requestId };
  if (new URL(request.url).searchParams.get('ready') === null) {
    return Response.json({ status: 'ok', requestId }, { headers });
  }
  const readiness = await checkReadiness(sharedStore());
  if (!readiness.ready) {
    logger.warn(
      { requestId, event: 'not_ready', checks: readiness.checks },
      'readiness check failed',
    );
  }
  return Response.json(
    { status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks, requestId },
    { status: readiness.ready ? 200 : 503, headers },
  );
}
