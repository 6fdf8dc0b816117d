'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';

import { isAppError } from '@/lib/errors';
import { useOpenPage } from '@/lib/queries/pages';

import { ErrorAlert } from '@/components/ui/error-alert';
import { Spinner } from '@/components/session/spinner';
import { WaitingForConfluence } from '@/components/ui/waiting-for-confluence';

/** The other site a refused link belongs to, when this server may sign in there. */
function signInSiteOf(error: unknown): string | null {
  if (!isAppError(error, 'bad_request')) return null;
  const site = error.details?.signInSite;
  return site && /^https?:\/\//.test(site) ? site : null;
}

/**
 * "Page ID or URL" → the editor. Anything Confluence calls a page link works (the server parses
 * it); when it does not, the server's reason is shown and focus stays in the field to fix it.
 */
export function OpenPageForm() {
  const router = useRouter();
  const open = useOpenPage();
  const [input, setInput] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const busy = open.isPending || open.isSuccess;
  const signInSite = signInSiteOf(open.error);

  const request = useRef<AbortController | null>(null);

  function start() {
    if (busy) return;
    const controller = new AbortController();
    request.current = controller;
    open.mutate(
      { input, signal: controller.signal },
      {
        onSuccess: (page) => router.push(`/pages/${encodeURIComponent(page.id)}`),
        onError: () => {
          // Cancelled on purpose: nothing failed, so nothing to report.
          if (controller.signal.aborted) open.reset();
          inputRef.current?.focus();
        },
      },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start();
  }

  return (
    <form className="panel open-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Open a page</h2>
      <div className="field">
        <label htmlFor={id}>Page ID or URL</label>
        <div className="inline-controls">
          <input
            id={id}
            ref={inputRef}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="9470040 or https://your-site.atlassian.net/wiki/spaces/…/pages/…"
            aria-describedby={open.error ? `${errorId} ${hintId}` : hintId}
            aria-invalid={open.error ? true : undefined}
          />
          <button type="submit" className="button button-primary" aria-disabled={busy}>
            {busy ? <Spinner /> : null}
            Open
          </button>
        </div>
        <p className="hint" id={hintId}>
          Paste the page&apos;s address from your browser, a tiny link (/x/…), or type its numeric
          id.
        </p>
      </div>
      {open.error && isAppError(open.error) ? (
        <ErrorAlert error={open.error} id={errorId} onRetry={start} />
      ) : null}
      {open.isPending ? (
        <WaitingForConfluence what="Opening the page" onCancel={() => request.current?.abort()} />
      ) : null}
      {signInSite ? (
        <p>
          <Link href="/login">Sign in to {new URL(signInSite).host}</Link> (Pagewright keeps one
          site per sign-in).
        </p>
      ) : null}
      <p className="status" role="status">
        {open.isSuccess ? 'Opening the page…' : ''}
      </p>
    </form>
  );
}
