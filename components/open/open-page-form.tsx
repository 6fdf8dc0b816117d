'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';

import { isAppError } from '@/lib/errors';
import { useOpenPage } from '@/lib/queries/pages';

import { CreatePageDialog } from '@/components/page-actions/create-page-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Spinner } from '@/components/ui/spinner';
import { WaitingForConfluence } from '@/components/ui/waiting-for-confluence';

import { TitleCombobox } from './title-combobox';

/** The other site a refused link belongs to, when this server may sign in there. */
function signInSiteOf(error: unknown): string | null {
  if (!isAppError(error, 'bad_request')) return null;
  const site = error.details?.signInSite;
  return site && /^https?:\/\//.test(site) ? site : null;
}

/**
 * "Page ID, URL or title" → the editor. Anything Confluence calls a page link works (the server
 * parses it); typed words offer pages by title; when nothing fits, the server's reason is shown
 * and focus stays in the field to fix it. "New page" creates one at the top of a space.
 */
export function OpenPageForm() {
  const router = useRouter();
  const open = useOpenPage();
  const [input, setInput] = useState('');
  const [creating, setCreating] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const busy = open.isPending || open.isSuccess;
  const signInSite = signInSiteOf(open.error);

  const request = useRef<AbortController | null>(null);

  function openPage(reference: string) {
    if (busy) return;
    const controller = new AbortController();
    request.current = controller;
    open.mutate(
      { input: reference, signal: controller.signal },
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
    openPage(input);
  }

  return (
    <>
      <form className="panel open-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Open a page</h2>
        <div className="field">
          <label htmlFor={id}>Page ID, URL or title</label>
          <div className="inline-controls">
            <TitleCombobox
              id={id}
              inputRef={inputRef}
              value={input}
              onChange={setInput}
              onPick={(match) => {
                setInput(match.title);
                openPage(match.id);
              }}
              placeholder="Sandbox, 9470040 or https://your-site.atlassian.net/wiki/spaces/…/pages/…"
              describedBy={open.error ? `${errorId} ${hintId}` : hintId}
              invalid={Boolean(open.error)}
            />
            <button type="submit" className="button button-primary" aria-disabled={busy}>
              {busy ? <Spinner /> : null}
              Open
            </button>
          </div>
          <p className="hint" id={hintId}>
            Paste the page&apos;s address from your browser, a tiny link (/x/…), type its numeric
            id, or type two or more letters of its title and choose from the list.
          </p>
        </div>
        {open.error && isAppError(open.error) ? (
          <ErrorAlert error={open.error} id={errorId} onRetry={() => openPage(input)} />
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
        <p>
          <button
            type="button"
            className="button"
            aria-haspopup="dialog"
            onClick={() => setCreating(true)}
          >
            New page
          </button>
        </p>
      </form>
      {creating && (
        <CreatePageDialog
          parent={null}
          onCreated={(created) => router.push(`/pages/${encodeURIComponent(created)}`)}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}
