import { ZodError } from 'zod';

import { ConfluenceError } from '@/lib/confluence/errors';
import {
  AppError,
  confluenceErrorMessage,
  isAppError,
  rateLimitedMessage,
  timeoutMessage,
} from '@/lib/errors';

/**
 * Every failure becomes one AppError: a code the browser understands and a message written for
 * people. Upstream wording stays in the server log, except where it is the useful part (the
 * parser's complaint, the clashing title) and carries no secret.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return new AppError('bad_request', `${where}${first?.message ?? 'invalid input'}`);
  }
  if (error instanceof ConfluenceError) return fromConfluence(error);
  return new AppError('internal');
}

function fromConfluence(error: ConfluenceError): AppError {
  const { details } = error;
  switch (error.kind) {
    case 'unauthorized':
      return new AppError('confluence_unauthorized');
    case 'forbidden':
      return new AppError('confluence_forbidden');
    case 'not_found':
      return new AppError('page_not_found');
    case 'gone':
      return new AppError('page_gone');
    case 'too_large':
      return new AppError('too_large');
    case 'response_too_large':
      return new AppError(
        'upstream_too_large',
        details.maxBytes
          ? `Confluence's answer was larger than Pagewright reads (${megabytes(details.maxBytes)} at most), so it was not loaded.`
          : undefined,
        { maxBytes: details.maxBytes },
      );
    case 'timeout':
      return new AppError(
        'upstream_timeout',
        details.deadlineMs ? timeoutMessage(details.deadlineMs) : undefined,
      );
    case 'version_conflict':
      return new AppError('version_conflict', undefined, {
        currentVersion: details.currentVersion,
      });
    case 'title_clash':
      return new AppError('title_clash', undefined, { confluence: error.message });
    case 'invalid_storage':
      return new AppError('invalid_storage', undefined, {
        diagnostics: details.storagePosition
          ? [
              {
                line: details.storagePosition.line,
                column: details.storagePosition.column,
                message: details.storagePosition.parserMessage,
              },
            ]
          : [],
      });
    case 'rate_limited':
      return new AppError('rate_limited', rateLimitedMessage(details.retryAfterMs), {
        retryAfterMs: details.retryAfterMs,
      });
    case 'unexpected_response':
      return new AppError('upstream_unexpected');
    case 'site_not_allowed':
      return new AppError('site_not_allowed');
    case 'bad_request':
      return new AppError('bad_request', 'Confluence refused the request.');
    case 'server_error':
      return details.status && details.status >= 500 && details.status <= 599
        ? new AppError('confluence_error', confluenceErrorMessage(details.status), {
            status: details.status,
          })
        : new AppError('confluence_unavailable');
    default:
      return new AppError('confluence_unavailable');
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The JSON error response; a 429 passes Confluence's Retry-After on to the browser. */
export function errorResponse(error: AppError, requestId: string): Response {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'x-request-id': requestId,
  };
  if (isAppError(error, 'rate_limited', 'sign_in_throttled')) {
    const retryAfterMs = error.details?.retryAfterMs ?? 1000;
    headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }
  const body = error.toBody();
  return Response.json(
    { error: { ...body.error, requestId } },
    { status: error.status || 500, headers },
  );
}
