'use client';

import { useSession, useSignOut } from '@/lib/queries/session';

import { ErrorAlert } from '@/components/session/error-alert';
import { flavourLabel } from '@/components/session/flavour-label';
import { Spinner } from '@/components/session/spinner';

/** The signed-in user (name, site, flavour) and "Sign out"; nothing while signed out. */
export function HeaderSession() {
  const { data } = useSession();
  const signOut = useSignOut();
  const current = data?.session;
  if (!current) return null;

  return (
    <div className="header-session">
      <p className="header-user">
        <span className="header-name">{current.displayName}</span>
        <span className="header-site">
          {current.site} · {flavourLabel(current.flavour)}
        </span>
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={signOut.isPending}
        onClick={() => {
          if (!signOut.isPending) signOut.mutate();
        }}
      >
        {signOut.isPending ? <Spinner /> : null}
        Sign out
      </button>
      {signOut.error ? <ErrorAlert error={signOut.error} /> : null}
    </div>
  );
}
