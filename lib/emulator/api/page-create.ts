import type { RequestContext } from '../http/context';
import { sendV1Error, sendV2Error } from '../http/errors';
import { asObject, readJsonObject, readV2BodyInSpace } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { contentJson, parseExpand } from '../render/v1-content';
import { v2PageJson } from '../render/v2-json';
import { createPage, type CreateOutcome } from '../store/create-page';
import { xhtmlErrorText } from '../xhtml/check-xhtml';
import { sendV1TitleClash, sendV2TitleClash } from './save-outcome';

type Failure = Exclude<CreateOutcome, { kind: 'ok' }>;

function sendV1CreateFailure(ctx: RequestContext, outcome: Failure): void {
  switch (outcome.kind) {
    case 'no-space':
      return sendV1Error(ctx, 404, `No space with key : ${outcome.spaceKey}`);
    case 'forbidden':
      return sendV1Error(
        ctx,
        403,
        'Could not create content with type page: you do not have permission to add pages in this space',
      );
    case 'bad-parent':
      return sendV1Error(ctx, 400, `Could not find parent content with id ${outcome.parentId}`);
    case 'bad-xhtml':
      return sendV1Error(ctx, 400, xhtmlErrorText(outcome.verdict));
    case 'title-clash':
      return sendV1TitleClash(ctx, outcome);
  }
}

function sendV2CreateFailure(ctx: RequestContext, outcome: Failure): void {
  switch (outcome.kind) {
    case 'no-space':
      return sendV2Error(ctx, 404, 'NOT_FOUND', 'Space not found');
    case 'forbidden':
      return sendV2Error(
        ctx,
        403,
        'PERMISSION_DENIED',
        'You do not have permission to create a page in this space',
      );
    case 'bad-parent':
      return sendV2Error(ctx, 404, 'NOT_FOUND', `Parent page ${outcome.parentId} was not found`);
    case 'bad-xhtml':
      return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', xhtmlErrorText(outcome.verdict));
    case 'title-clash':
      return sendV2TitleClash(ctx);
  }
}

/** v1 POST /content: `{type:"page", title, space:{key}, ancestors?:[{id}], body:{storage}}`. */
function createV1(ctx: RequestContext): void {
  const json = readJsonObject(ctx);
  if (!json) return;
  if (json.type !== 'page') {
    return sendV1Error(
      ctx,
      400,
      `Unsupported content type for this emulator: ${String(json.type)}`,
    );
  }
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    return sendV1Error(ctx, 400, 'Must supply a title when creating Content.');
  }
  const spaceKey = asObject(json.space)?.key;
  if (typeof spaceKey !== 'string') {
    return sendV1Error(ctx, 400, 'Must supply a space when creating Content.');
  }
  const storage = asObject(asObject(json.body)?.storage);
  if (storage && storage.representation !== 'storage') {
    return sendV1Error(ctx, 400, `Unsupported representation: ${String(storage.representation)}`);
  }
  const ancestors = Array.isArray(json.ancestors) ? json.ancestors : [];
  const parent = asObject(ancestors[ancestors.length - 1])?.id;
  const outcome = createPage(
    ctx.store,
    {
      spaceKey,
      title: json.title,
      body: typeof storage?.value === 'string' ? storage.value : '',
      parentId: parent === undefined ? null : String(parent),
    },
    ctx.user!,
  );
  if (outcome.kind !== 'ok') return sendV1CreateFailure(ctx, outcome);
  sendJson(
    ctx.res,
    200,
    contentJson(ctx, outcome.page, parseExpand('space,history,version,ancestors,body.storage')),
  );
}

/**
 * v2 POST /pages: `{spaceId, status, title, parentId?, body}`. Without `parentId` the page goes
 * under the space's home page, unless `root-level=true` puts it at the top of the space.
 */
function createV2(ctx: RequestContext): void {
  const read = readV2BodyInSpace(ctx);
  if (!read) return;
  const { json, space } = read;
  if (json.status !== undefined && json.status !== 'current') {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      `Unsupported status for this emulator: ${String(json.status)}`,
    );
  }
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    return sendV2Error(ctx, 400, 'INVALID_REQUEST_PARAMETER', 'Title cannot be empty');
  }
  const body = asObject(json.body);
  const storage = asObject(body?.storage) ?? body;
  if (storage && (storage.representation !== 'storage' || typeof storage.value !== 'string')) {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      "Only 'storage' bodies are supported by this emulator",
    );
  }
  const rootLevel = ctx.query.get('root-level') === 'true';
  if (rootLevel && json.parentId !== undefined && json.parentId !== null) {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      'parentId may not be supplied when root-level is true',
    );
  }
  const parentId =
    json.parentId !== undefined && json.parentId !== null
      ? String(json.parentId)
      : rootLevel
        ? null
        : space.homePageId;
  const outcome = createPage(
    ctx.store,
    {
      spaceKey: space.key,
      title: json.title,
      body: typeof storage?.value === 'string' ? storage.value : '',
      parentId,
      parentMayBeFolder: true,
    },
    ctx.user!,
  );
  if (outcome.kind !== 'ok') return sendV2CreateFailure(ctx, outcome);
  sendJson(ctx.res, 200, v2PageJson(ctx, outcome.page, 'storage'));
}

export function registerV1PageCreate(router: Router): void {
  router.add('POST', '/content', createV1);
}

export function registerV2PageCreate(router: Router): void {
  router.add('POST', '/pages', createV2);
}
