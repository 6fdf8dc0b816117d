import { checkSiteUrl, type SitePolicy } from './site-policy';

/** Why a pasted link is not opened: it belongs to another Confluence site than the session's. */
export interface ForeignSiteRefusal {
  message: string;
  /** The link's site, when this server may sign in there (it is on the allow list). */
  signInSite: string | null;
}

function hostOf(origin: string): string {
  return new URL(origin).host;
}

/**
 * A page id names a page on one site only: the same id on the site you are signed in to is
 * another page, or none. A link whose origin differs from the session's is refused, naming both
 * sites; when the operator allows the link's site, the refusal offers to sign in there.
 */
export function foreignSiteRefusal(
  linkOrigin: string | undefined,
  sessionBaseUrl: string,
  policy: SitePolicy,
): ForeignSiteRefusal | null {
  if (linkOrigin === undefined) return null;
  const sessionOrigin = new URL(sessionBaseUrl).origin;
  if (new URL(linkOrigin).origin === sessionOrigin) return null;
  const linkHost = hostOf(linkOrigin);
  const sessionHost = hostOf(sessionOrigin);
  const allowed = checkSiteUrl(linkOrigin, policy);
  return {
    message: allowed.ok
      ? `This link is to a page on ${linkHost}, but you are signed in to ${sessionHost}. Pagewright opens pages only from the site you are signed in to: sign in to ${linkHost} to open it.`
      : `This link is to a page on ${linkHost}, but you are signed in to ${sessionHost}. Pagewright opens pages only from the site you are signed in to, and ${linkHost} is not a site this server may connect to.`,
    signInSite: allowed.ok ? allowed.value.origin : null,
  };
}
