import type { RequestContext } from '../http/context';
import type { UserRecord } from '../store/types';

/** A user as v1 answers show it (`version.by`, `history.createdBy`, `user/current`). */
export function userJson(
  ctx: Pick<RequestContext, 'flavour' | 'base'>,
  user: UserRecord,
): Record<string, unknown> {
  if (ctx.flavour === 'cloud') {
    return {
      type: 'known',
      accountId: user.accountId,
      accountType: 'atlassian',
      email: user.email,
      publicName: user.displayName,
      profilePicture: {
        path: `/wiki/aa-avatar/${user.accountId}`,
        width: 48,
        height: 48,
        isDefault: false,
      },
      displayName: user.displayName,
      isExternalCollaborator: false,
      _expandable: { operations: '', personalSpace: '' },
      _links: {
        self: `${ctx.base}/rest/api/user?accountId=${user.accountId}`,
        base: ctx.base,
        context: '/wiki',
      },
    };
  }
  return {
    type: 'known',
    username: user.username,
    userKey: user.key,
    profilePicture: {
      path: '/images/icons/profilepics/default.svg',
      width: 48,
      height: 48,
      isDefault: true,
    },
    displayName: user.displayName,
    _links: { self: `${ctx.base}/rest/api/user?key=${user.key}` },
    _expandable: { status: '' },
  };
}

/** The anonymous user (`type: "anonymous"`), as `user/current` answers without credentials. */
export function anonymousJson(
  ctx: Pick<RequestContext, 'flavour' | 'base' | 'context'>,
): Record<string, unknown> {
  const picture =
    ctx.flavour === 'cloud'
      ? {
          path: '/wiki/s/-1/_/images/icons/profilepics/anonymous.svg',
          width: 48,
          height: 48,
          isDefault: true,
        }
      : { path: '/images/icons/profilepics/anonymous.svg', width: 48, height: 48, isDefault: true };
  return {
    type: 'anonymous',
    profilePicture: picture,
    displayName: 'Anonymous',
    ...(ctx.flavour === 'cloud'
      ? { accountType: '', email: '', publicName: 'Anonymous', isExternalCollaborator: false }
      : {}),
    _links: { self: `${ctx.base}/rest/api/user/anonymous`, base: ctx.base, context: ctx.context },
    _expandable: { operations: '' },
  };
}
