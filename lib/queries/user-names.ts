import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { unknownUserLabel } from '@/lib/confluence/unknown-user';
import { fetchJson } from '@/lib/http/fetch-json';
import type { UserRef } from '@/lib/storage-format/render/render-options';

/** Shown for a mentioned person while the name is on its way. */
export const LOADING_NAME_LABEL = 'Loading name…';

const USER_TAG = '<ri:user';
/** Matched where a `<ri:user` starts (sticky): the id attribute of that element. */
const MENTION_ATTRIBUTE = /<ri:user\b[^>]*?\bri:(?:account-id|userkey|username)\s*=\s*"([^"]+)"/y;
const USER_ID = /^[A-Za-z0-9:._@-]{1,128}$/;

/**
 * The people a body mentions (`<ri:user ri:account-id|userkey|username="…">`), sorted, once each.
 * Runs on every keystroke: `indexOf` finds the few elements in a megabyte several times faster
 * than a regular expression searching for them.
 */
export function mentionedUserIds(source: string): string[] {
  const ids = new Set<string>();
  for (let at = source.indexOf(USER_TAG); at !== -1; at = source.indexOf(USER_TAG, at + 1)) {
    MENTION_ATTRIBUTE.lastIndex = at;
    const id = MENTION_ATTRIBUTE.exec(source)?.[1];
    if (id !== undefined && USER_ID.test(id)) ids.add(id);
  }
  return [...ids].sort();
}

/** The renderer's `userName`: the looked-up name, the loading label meanwhile, else the id. */
export function mentionNameResolver(
  names: Readonly<Record<string, string>> | undefined,
): (ref: UserRef) => string | null {
  return (ref) => {
    const id = ref.accountId ?? ref.userKey ?? ref.username;
    if (id === undefined) return null;
    if (names === undefined) return LOADING_NAME_LABEL;
    return names[id] ?? null;
  };
}

/** One object for "nobody to name", so the renderer's options stay the same between renders. */
const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});

/** At most this many ids per lookup (the route's limit). */
const MAX_IDS = 100;

/** What the server labels people it could not name, for when the lookup itself failed. */
export function unknownUserNames(ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, unknownUserLabel(id)]));
}

/**
 * Display names of the people `source` mentions, from the signed-in site. Kept in the query cache
 * for the session (sign-out clears it); undefined while loading, the server's "Unknown user (…)"
 * labels when the lookup failed, no names when `enabled` is false.
 */
export function useMentionNames(
  source: string,
  enabled: boolean,
): Readonly<Record<string, string>> | undefined {
  const ids = useMemo(() => mentionedUserIds(source).slice(0, MAX_IDS), [source]);
  const query = useQuery({
    queryKey: ['user-names', ...ids],
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams(ids.map((id) => ['id', id]));
      return (
        await fetchJson<{ names: Record<string, string> }>(`/api/users/names?${params}`, { signal })
      ).names;
    },
    enabled: enabled && ids.length > 0,
    staleTime: Infinity,
    // Names are a courtesy: a failed lookup leaves the ids, it does not retry in a loop.
    retry: false,
    placeholderData: (previous) => previous,
  });
  const failed = query.isError && query.data === undefined;
  const fallback = useMemo(() => (failed ? unknownUserNames(ids) : undefined), [failed, ids]);
  if (!enabled || ids.length === 0) return NO_NAMES;
  return query.data ?? fallback;
}
