import type { RequestContext } from '../http/context';
import { notFoundMessage, sendV1Error, sendV2Error } from '../http/errors';
import { sendText } from '../http/respond';
import type { UpdateOutcome } from '../store/store';
import { xhtmlErrorText } from '../xhtml/check-xhtml';

type Failure = Exclude<UpdateOutcome, { kind: 'ok' }>;

const CLOUD_TITLE_CLASH =
  'A page with this title already exists: A page already exists with the same TITLE in this space';

/** A create or an update that would give two pages of a space one title, worded as v1 does. */
export function sendV1TitleClash(
  ctx: RequestContext,
  clash: { title: string; spaceKey: string },
): void {
  if (ctx.flavour === 'cloud') {
    return sendV1Error(ctx, 400, CLOUD_TITLE_CLASH, 'api.BadRequestException');
  }
  sendV1Error(
    ctx,
    400,
    `A page with this title already exists: A page already exists with the title ${clash.title} in the space with key ${clash.spaceKey}`,
  );
}

/** The same clash worded as v2 does. */
export function sendV2TitleClash(ctx: RequestContext): void {
  sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', CLOUD_TITLE_CLASH);
}

/** Words a failed update as v1 does, in the request's flavour (docs/confluence-api.md §2.3). */
export function sendV1SaveFailure(ctx: RequestContext, id: string, outcome: Failure): void {
  switch (outcome.kind) {
    case 'not-found':
      return sendV1Error(ctx, 404, notFoundMessage(id));
    case 'forbidden':
      return sendV1Error(
        ctx,
        403,
        `Could not update Content of type : class com.atlassian.confluence.pages.Page with id ${id}`,
      );
    case 'missing-version':
      return sendV1Error(
        ctx,
        400,
        'Must supply an incremented version when updating Content. No version supplied.',
      );
    case 'stale':
      return sendV1Error(
        ctx,
        409,
        `Version must be incremented on update. Current version is: ${outcome.current}`,
      );
    case 'bad-xhtml':
      return sendV1Error(ctx, 400, xhtmlErrorText(outcome.verdict));
    case 'title-clash':
      return sendV1TitleClash(ctx, outcome);
    case 'bad-parent':
      return sendV1Error(
        ctx,
        400,
        `Cannot move content: no page with id ${outcome.parentId} in the same space`,
      );
  }
}

/** Words a failed update as v2 does (`{"errors":[…]}`). */
export function sendV2SaveFailure(
  ctx: RequestContext,
  outcome: Failure,
  providedVersion: number | undefined,
): void {
  switch (outcome.kind) {
    case 'not-found':
      return sendV2Error(ctx, 404, 'NOT_FOUND', 'Not Found');
    case 'forbidden':
      return sendV2Error(
        ctx,
        403,
        'PERMISSION_DENIED',
        'You do not have permission to edit this page',
      );
    case 'missing-version':
      return sendV2Error(
        ctx,
        400,
        'INVALID_REQUEST_PARAMETER',
        "Value must not be null for field 'version'",
      );
    case 'stale':
      return sendV2Error(
        ctx,
        409,
        'CONFLICT',
        `Version must be incremented when updating a page. Current Version: [${outcome.current}]. Provided version: [${providedVersion ?? outcome.provided}]`,
      );
    case 'bad-xhtml':
      return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', xhtmlErrorText(outcome.verdict));
    case 'title-clash':
      return sendV2TitleClash(ctx);
    case 'bad-parent':
      return sendV2Error(ctx, 404, 'NOT_FOUND', `Parent page ${outcome.parentId} was not found`);
  }
}

const GATEWAY_TIMEOUT =
  '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>';

/**
 * The faults of a save that was applied: the client sees a gateway timeout (the ambiguous save),
 * or no answer at all until it gives up (the save lands while nobody is waiting).
 */
export function sendSaveFault(ctx: RequestContext): void {
  if (ctx.saveFault === '504') sendText(ctx.res, 504, GATEWAY_TIMEOUT, 'text/html');
}
