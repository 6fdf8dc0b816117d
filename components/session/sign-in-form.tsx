'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';

import { ErrorAlert } from '@/components/ui/error-alert';
import { useSignIn, type SessionInfo, type SignInRequest } from '@/lib/queries/session';

import { DemoAccountsPanel } from './demo-accounts-panel';
import { MethodPicker } from './method-picker';
import {
  EMPTY_SIGN_IN,
  SignInFields,
  toSignInRequest,
  valuesFor,
  type SignInValues,
} from './sign-in-fields';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';

interface SignInFormProps {
  info: SessionInfo;
  /** Called once the server accepted the credentials (the session query is already updated). */
  onSignedIn: () => void;
}

/**
 * Confluence address (unless the operator fixed it or demo mode supplies the emulator), method,
 * credentials. The server proves them with one call to Confluence and answers one generic error
 * for every failure, shown as is; the typed values stay so the user can correct them.
 */
export function SignInForm({ info, onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();
  const [values, setValues] = useState<SignInValues>(EMPTY_SIGN_IN);
  const alertRef = useRef<HTMLDivElement>(null);
  const askUrl = info.fixedSite === null && !info.demo;
  // Next keeps a visited page's state for back/forward: a success from before a sign-out must
  // not keep the form locked, so success counts only while a session exists.
  const busy = signIn.isPending || (signIn.isSuccess && info.session !== null);

  // Focus the error once it is on screen, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (signIn.error) alertRef.current?.focus();
  }, [signIn.error]);

  function send(request: SignInRequest) {
    if (busy) return;
    signIn.mutate(request, { onSuccess: onSignedIn });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(toSignInRequest(values, askUrl));
  }

  const change = (patch: Partial<SignInValues>) =>
    setValues((current) => ({ ...current, ...patch }));

  return (
    <div className="sign-in-layout">
      <form className="panel sign-in-form" onSubmit={onSubmit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Your Confluence account</h2>
        {signIn.error ? <ErrorAlert error={signIn.error} ref={alertRef} /> : null}
        {askUrl ? (
          <TextField
            label="Confluence URL"
            type="url"
            inputMode="url"
            autoComplete="url"
            required
            placeholder="https://your-site.atlassian.net/wiki"
            hint="Cloud: https://your-site.atlassian.net/wiki. Data Center: your server's address."
            value={values.baseUrl}
            onValueChange={(baseUrl) => change({ baseUrl })}
          />
        ) : (
          <p className="site-line">
            Confluence:{' '}
            <strong>{info.fixedSite ?? 'the built-in demo Confluence (emulator)'}</strong>
          </p>
        )}
        <MethodPicker value={values.method} onChange={(method) => change({ method })} />
        <SignInFields values={values} onChange={change} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy}>
            {signIn.isPending ? <Spinner /> : null}
            Sign in
          </button>
          <p className="status" role="status">
            {signIn.isPending ? 'Checking your credentials with Confluence…' : ''}
          </p>
        </div>
      </form>
      {info.demo ? (
        <DemoAccountsPanel
          busy={busy}
          onUse={(account) => {
            setValues((current) => valuesFor(account.signIn, current));
            send(account.signIn);
          }}
        />
      ) : null}
    </div>
  );
}
