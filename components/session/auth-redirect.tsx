'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

import { onAuthError, signInPath } from '@/lib/queries/auth-errors';
import { forgetUser, sessionQueryKey, type SessionInfo } from '@/lib/queries/session';

/**
 * Mounted once (app/providers.tsx). When any request says "not signed in" or Confluence refuses
 * the stored credentials, the cached data of that session is dropped and the user goes to the
 * sign-in page, which brings them back here afterwards. Drafts live outside the query cache, so
 * unsaved text survives the trip.
 */
export function AuthRedirect() {
  const router = useRouter();
  const queryClient = useQueryClient();

  useEffect(
    () =>
      onAuthError((error) => {
        const { pathname, search } = window.location;
        if (pathname === '/login') return;
        const hadSession = queryClient.getQueryData<SessionInfo>(sessionQueryKey)?.session != null;
        const reason =
          error.code === 'confluence_unauthorized'
            ? 'unauthorized'
            : hadSession
              ? 'expired'
              : 'signed-out';
        forgetUser(queryClient);
        router.replace(signInPath(reason, `${pathname}${search}`));
      }),
    [router, queryClient],
  );

  return null;
}
