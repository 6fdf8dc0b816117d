import { STATUS_CODES } from 'node:http';

import type { RequestContext } from './context';
import { sendJson } from './respond';

const EXCEPTION_PACKAGE = 'com.atlassian.confluence.api.service.exceptions.';

/** Java exception class Confluence Cloud names in front of a v1 message, per status. */
const CLOUD_EXCEPTIONS: Record<number, string> = {
  400: 'BadRequestException',
  401: 'NotAuthenticatedException',
  403: 'PermissionException',
  404: 'NotFoundException',
  409: 'ConflictException',
  410: 'GoneException',
  413: 'BadRequestException',
};

/**
 * A v1 error in the flavour's shape. DC: `{statusCode, data{…allowedInReadOnlyMode}, message,
 * reason}`; Cloud: no `reason`/`allowedInReadOnlyMode`, message prefixed with the exception class
 * (`exception` overrides the default, e.g. `api.BadRequestException` for title clashes).
 */
export function sendV1Error(
  ctx: RequestContext,
  status: number,
  message: string,
  exception?: string,
): void {
  if (ctx.flavour === 'cloud') {
    const className = exception ?? CLOUD_EXCEPTIONS[status] ?? 'ServiceException';
    sendJson(ctx.res, status, {
      statusCode: status,
      data: { authorized: false, valid: true, errors: [], successful: false },
      message: `${EXCEPTION_PACKAGE}${className}: ${message}`,
    });
    return;
  }
  sendJson(ctx.res, status, {
    statusCode: status,
    data: {
      authorized: false,
      valid: true,
      allowedInReadOnlyMode: true,
      errors: [],
      successful: false,
    },
    message,
    reason: STATUS_CODES[status] ?? 'Error',
  });
}

/** A v2 error: `{"errors":[{"status","code","title","detail"}]}`. */
export function sendV2Error(
  ctx: RequestContext,
  status: number,
  code: string,
  title: string,
): void {
  sendJson(ctx.res, status, { errors: [{ status, code, title, detail: null }] });
}

/** Message Confluence gives for an unknown or hidden content id. */
export function notFoundMessage(id: string): string {
  return `No content found with id: ContentId{id=${id}}`;
}

/** 404 for content in the request's API version and flavour. */
export function sendContentNotFound(ctx: RequestContext, id: string): void {
  if (ctx.api === 'v2') sendV2Error(ctx, 404, 'NOT_FOUND', 'Not Found');
  else sendV1Error(ctx, 404, notFoundMessage(id));
}
