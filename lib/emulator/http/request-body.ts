import type { SpaceRecord } from '../store/types';
import type { RequestContext } from './context';
import { sendV1Error, sendV2Error } from './errors';

/** Confluence's request size limit (5 MiB), enforced on PUT/POST bodies. */
export const MAX_REQUEST_BYTES = 5_242_880;

/**
 * Parses the JSON request body, answering 400 in the flavour's shape when it is not a JSON
 * object (then returns undefined).
 */
export function readJsonObject(ctx: RequestContext): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(ctx.rawBody.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    if (ctx.api === 'v2')
      sendV2Error(
        ctx,
        400,
        'INVALID_REQUEST_PARAMETER',
        `Could not parse the request body: ${reason}`,
      );
    else sendV1Error(ctx, 400, `Unable to parse the request body as JSON: ${reason}`);
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (ctx.api === 'v2')
      sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'The request body must be a JSON object');
    else sendV1Error(ctx, 400, 'The request body must be a JSON object');
    return undefined;
  }
  return value as Record<string, unknown>;
}

/**
 * A v2 create body (`POST /pages`, `POST /folders`) with the space its `spaceId` names; answers
 * 400 as Cloud does when the body is not an object or the space is unknown (then undefined).
 */
export function readV2BodyInSpace(
  ctx: RequestContext,
): { json: Record<string, unknown>; space: SpaceRecord } | undefined {
  const json = readJsonObject(ctx);
  if (!json) return undefined;
  const space = ctx.store.spaceById(Number(json.spaceId));
  if (json.spaceId === undefined || !space) {
    sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'A valid spaceId is required');
    return undefined;
  }
  return { json, space };
}

/** `value` as a plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
