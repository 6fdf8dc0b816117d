import { handleCspReport } from '@/lib/api/csp-report';
import { logger } from '@/lib/log/logger';
import { requestIdOf } from '@/lib/log/request-id';

// POST /api/csp-report – browsers report CSP violations here (Reporting API and legacy report-uri)
export async function POST(request: Request): Promise<Response> {
  return handleCspReport(request, logger.child({ requestId: requestIdOf(request) }));
}
