import type { RequestContext } from '../http/context';
import { sendV1Error, sendV2Error } from '../http/errors';
import { readJsonObject } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { userJson } from '../render/user-json';
import type { UserRecord } from '../store/types';

/** v2 `User` (POST /users-bulk): account id, names, picture; no e-mail (privacy default). */
function v2UserJson(user: UserRecord): Record<string, unknown> {
  return {
    accountId: user.accountId,
    accountType: 'atlassian',
    accountStatus: 'active',
    displayName: user.displayName,
    publicName: user.displayName,
    email: '',
    isExternalCollaborator: false,
    profilePicture: {
      path: `/wiki/aa-avatar/${user.accountId}`,
      width: 48,
      height: 48,
      isDefault: false,
    },
  };
}

const MAX_BULK_IDS = 250;

/** POST /users-bulk `{accountIds:[…]}`: unknown ids are left out, as Cloud does. */
function usersBulk(ctx: RequestContext): void {
  const json = readJsonObject(ctx);
  if (!json) return;
  const ids = json.accountIds;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_BULK_IDS ||
    !ids.every((id) => typeof id === 'string')
  ) {
    return sendV2Error(
      ctx,
      400,
      'INVALID_REQUEST_PARAMETER',
      `accountIds must be a list of 1 to ${MAX_BULK_IDS} account ids`,
    );
  }
  const wanted = new Set(ids as string[]);
  const results = ctx.store
    .users()
    .filter((user) => wanted.has(user.accountId))
    .map(v2UserJson);
  sendJson(ctx.res, 200, { results, _links: { base: ctx.base } });
}

/** v1 GET /user/bulk?accountId=a,b (Cloud): a `UserArray`. */
function v1UsersBulk(ctx: RequestContext): void {
  if (ctx.flavour !== 'cloud')
    return sendV1Error(ctx, 404, `null for uri: ${ctx.base}/rest/api/user/bulk`);
  const ids = ctx.query
    .getAll('accountId')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  if (ids.length === 0) return sendV1Error(ctx, 400, 'accountId is a required parameter');
  const results = ctx.store
    .users()
    .filter((user) => ids.includes(user.accountId))
    .map((user) => userJson(ctx, user));
  sendJson(ctx.res, 200, {
    results,
    start: 0,
    limit: 200,
    size: results.length,
    _links: { base: ctx.base, context: ctx.context },
  });
}

/** v1 GET /user?accountId= (Cloud) or ?key= / ?username= (Data Center). */
function v1User(ctx: RequestContext): void {
  const accountId = ctx.query.get('accountId');
  const key = ctx.query.get('key');
  const username = ctx.query.get('username');
  const user = ctx.store
    .users()
    .find(
      (candidate) =>
        (ctx.flavour === 'cloud' && accountId !== null && candidate.accountId === accountId) ||
        (ctx.flavour === 'dc' && key !== null && candidate.key === key) ||
        (ctx.flavour === 'dc' && username !== null && candidate.username === username),
    );
  if (!user) return sendV1Error(ctx, 404, 'No user found with the given identifier');
  sendJson(ctx.res, 200, userJson(ctx, user));
}

/** Registers the v2 user lookup. */
export function registerV2Users(router: Router): void {
  router.add('POST', '/users-bulk', usersBulk);
}

/** Registers the v1 user lookups (before `/user/current` would not matter: paths differ). */
export function registerV1Users(router: Router): void {
  router.add('GET', '/user/bulk', v1UsersBulk).add('GET', '/user', v1User);
}
