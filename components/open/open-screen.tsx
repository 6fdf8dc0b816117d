'use client';

import { useSession } from '@/lib/queries/session';

import { ErrorAlert } from '@/components/ui/error-alert';

import { OpenPageForm } from './open-page-form';
import { RecentPages } from './recent-pages';
import { SignedOutIntro } from './signed-out-intro';

/** `/`: open a page when signed in, otherwise the way to sign in. */
export function OpenScreen() {
  const session = useSession();
  if (session.isPending) return <p role="status">Checking whether you are signed in…</p>;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data.session) return <SignedOutIntro />;
  return (
    <>
      <OpenPageForm />
      <RecentPages />
    </>
  );
}
