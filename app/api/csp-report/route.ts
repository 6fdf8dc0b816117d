import { logger, oneLine } from '@/lib/log/logger';
import { requestIdOf } from '@/lib/log/request-id';

// POST /api/csp-report – browsers report CSP violations here (Reporting API and legacy report-uri)
export async function POST(request: Request): Promise<Response> {
  const text = (await request.text()).slice(0, 4000);
  logger.warn(
    { requestId: requestIdOf(request), event: 'csp_violation', report: oneLine(text, 2000) },
    'content security policy violation',
  );
  return new Response(null, { status: 204 });
}
