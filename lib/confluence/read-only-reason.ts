/**
 * Why a page is read-only for the signed-in user, in words that say what stops them and what to
 * do. Two causes are told apart (docs/confluence-api.md, page restrictions):
 * - an edit restriction on the page that does not name the user. Confluence's edit restrictions
 *   are not inherited (only view restrictions are, and a user who can read the page has passed
 *   those), so the page's own `update` restriction is the only one that matters;
 * - no edit permission in the space: the page is not restricted, or the restriction names the
 *   user and still Confluence refuses.
 */

export type ReadOnlyCause = 'page-restriction' | 'space-permission' | 'unknown';

/** A person an edit restriction names. */
export interface RestrictedPerson {
  name: string;
  accountId?: string;
  username?: string;
  userKey?: string;
}

/** Who a page's edit restriction lets edit (empty lists: the page is not restricted). */
export interface EditRestriction {
  people: RestrictedPerson[];
  groups: string[];
}

/** The signed-in user, as the session knows them. */
export interface Viewer {
  accountId?: string;
  username?: string;
}

export interface ReadOnlyExplanation {
  cause: ReadOnlyCause;
  /** What stops the user, one or two sentences. */
  reason: string;
  /** What the user can do about it. */
  advice: string;
  /** Who may edit the page, when its restriction says (page restrictions only). */
  editors: EditRestriction | null;
}

const LOCAL_WORK = 'Drafts, preview, diff and Scratchpad keep working here; saving does not.';

export const UNKNOWN_READ_ONLY_REASON =
  'Confluence allows your account to read this page but not to edit it (a page restriction or your space permissions).';

/** At most this many names in a sentence; the rest are counted. */
const NAMES_SHOWN = 4;

/** "A", "A and B", "A, B and C", "A, B, C, D and 2 others". */
export function listInWords(items: readonly string[]): string {
  const shown = items.slice(0, NAMES_SHOWN);
  const rest = items.length - shown.length;
  const parts = rest > 0 ? [...shown, `${rest} ${rest === 1 ? 'other' : 'others'}`] : shown;
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function names(restriction: EditRestriction): string[] {
  return [
    ...restriction.people.map((person) => person.name),
    ...restriction.groups.map((group) => `members of the group ${group}`),
  ];
}

function isViewer(person: RestrictedPerson, viewer: Viewer): boolean {
  if (viewer.accountId && person.accountId === viewer.accountId) return true;
  return Boolean(viewer.username && person.username === viewer.username);
}

/**
 * The explanation for a user Confluence does not let edit the page, from the page's edit
 * restriction (null when it could not be read).
 */
export function explainReadOnly(
  restriction: EditRestriction | null,
  viewer: Viewer,
): ReadOnlyExplanation {
  if (restriction === null) {
    return {
      cause: 'unknown',
      reason: UNKNOWN_READ_ONLY_REASON,
      advice: `Ask a space admin or the page's owner for edit rights, or copy your text and ask someone who can edit the page to save it. ${LOCAL_WORK}`,
      editors: null,
    };
  }
  const who = names(restriction);
  const restricted = who.length > 0 && !restriction.people.some((p) => isViewer(p, viewer));
  if (restricted) {
    const first = restriction.people[0]?.name ?? `a member of the group ${restriction.groups[0]}`;
    return {
      cause: 'page-restriction',
      reason: `This page has an edit restriction: only ${listInWords(who)} may edit it.`,
      advice: `Ask ${first} to add you to the page's edit restriction, or copy your text and send it to ${restriction.people.length + restriction.groups.length > 1 ? 'one of them' : 'them'} to save. ${LOCAL_WORK}`,
      editors: restriction,
    };
  }
  return {
    cause: 'space-permission',
    reason: 'Your account has no permission to edit pages in this space.',
    advice: `Ask a space admin to give you edit permission in this space, or copy your text and ask someone who can edit the page to save it. ${LOCAL_WORK}`,
    editors: null,
  };
}
