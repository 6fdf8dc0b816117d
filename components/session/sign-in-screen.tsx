'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ErrorAlert } from '@/components/ui/error-alert';
import { messageFor } from '@/lib/errors';
import type { SignInReason } from '@/lib/queries/auth-errors';
import { useSession } from '@/lib/queries/session';

import { flavourLabel } from './flavour-label';
import { safeNextPath } from './safe-next-path';
import { SignInForm } from './sign-in-form';

interface SignInScreenProps {
  /** `?next=` as given; only a same-site path is ever followed. */
  next: string | null;
  reason: SignInReason | null;
}

const NOTICES: Record<SignInReason, string> = {
  expired: 'Your session expired. Sign in again to continue where you left off.',
  'signed-out': messageFor('not_signed_in'),
  unauthorized: messageFor('confluence_unauthorized'),
};

export function SignInScreen({ next, reason }: SignInScreenProps) {
  const router = useRouter();
  const session = useSession();
  // Set on success, so the "already signed in" view does not flash up before the navigation.
  const [leaving, setLeaving] = useState(false);
  const target = safeNextPath(next);

  // `leaving` may survive in a page state Next kept from before a sign-out: trust the session.
  if (leaving && session.data?.session) {
    return <p role="status">Signed in. Opening Pagewright…</p>;
  }
  if (session.isPending) return <p role="status">Checking whether you are signed in…</p>;
  if (session.isError) return <ErrorAlert error={session.error} />;

  const { session: current } = session.data;
  // A reason means the server no longer accepts this session, whatever the cache still says.
  if (current && !reason) {
    return (
      <div className="panel">
        <p>
          You are signed in as <strong>{current.displayName}</strong> on {current.site} (
          {flavourLabel(current.flavour)}).
        </p>
        <p>
          <Link href={target}>{target === '/' ? 'Open a page' : 'Continue'}</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      {reason ? (
        <p className="notice" role="status">
          {NOTICES[reason]}
        </p>
      ) : null}
      <SignInForm
        info={session.data}
        onSignedIn={() => {
          setLeaving(true);
          router.replace(target);
        }}
      />
    </>
  );
}
