import type { Metadata } from 'next';

import { SignInScreen } from '@/components/session/sign-in-screen';
import type { SignInReason } from '@/lib/queries/auth-errors';

export const metadata: Metadata = { title: 'Sign in' };

const REASONS: readonly SignInReason[] = ['expired', 'signed-out', 'unauthorized'];

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** /login[?next=/pages/1][&reason=expired]: the sign-in screen (components/session). */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const reason = first(params.reason);
  return (
    <section className="shell shell-wide" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <SignInScreen
        next={first(params.next)}
        reason={REASONS.find((known) => known === reason) ?? null}
      />
    </section>
  );
}
