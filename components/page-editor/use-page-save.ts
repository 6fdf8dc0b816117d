'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import { mergePage, type MergeOutcome, type PageSide } from '@/lib/editor/merge';
import type { SaveVerification } from '@/lib/pages/save-verification';
import { stoppedSaveOutcome, type StoppedSaveOutcome } from '@/lib/pages/stopped-save';
import { AppError, isAppError } from '@/lib/errors';
import { fetchJson } from '@/lib/http/fetch-json';
import type { Page } from '@/lib/queries/pages';

/** One save as sent: the text, the version it is based on, and the version comment. */
export interface SaveRequest {
  baseVersion: number;
  title: string;
  /** The body as sent, in the stored layout. */
  body: string;
  /** The editor text it was sent for (the user's view of it). */
  text: string;
  message: string;
  minorEdit: boolean;
  /** What `baseVersion` holds, the merge base on a conflict; a null body is fetched then. */
  base: { title: string; body: string | null };
  /** Saved from the merge or conflict view: the editor shows the saved text afterwards. */
  fromMerge: boolean;
}

export interface SaveResult {
  version: number;
  recovered: boolean;
  /** The server's read-after-write check (absent from older servers). */
  verification?: SaveVerification;
}

/** The version a colleague saved meanwhile. */
export interface TheirVersion extends PageSide {
  version: number;
  by: string;
}

export interface ConflictState {
  kind: 'conflict';
  /** My save that was refused; its text is still in the editor. */
  request: SaveRequest;
  currentVersion: number;
  /** Null while theirs is being fetched, or when it could not be (`error`). */
  merge: { theirs: TheirVersion; outcome: MergeOutcome } | null;
  error: AppError | null;
  /** Whether the merge / conflict view is showing (closing it keeps the conflict). */
  open: boolean;
  /** The view's text and title when it was last closed, offered again on reopening. */
  result: { body: string; title: string } | null;
}

export type SavePhase =
  | { kind: 'idle' }
  | { kind: 'saving'; request: SaveRequest }
  /** Confluence answered 429: the same request goes again at `retryAt`. */
  | { kind: 'waiting'; request: SaveRequest; retryAt: number; attempt: number }
  /** The user stopped waiting for the save: the page is read again to learn whether it landed. */
  | { kind: 'checking'; request: SaveRequest }
  /** What reading the page again found (a conflict goes to the conflict flow instead). */
  | { kind: 'stopped'; request: SaveRequest; outcome: StoppedOutcome }
  /** The save failed for good: "Try again" sends this same request. */
  | { kind: 'failed'; request: SaveRequest }
  | ConflictState;

export type StoppedOutcome = Exclude<StoppedSaveOutcome, { kind: 'conflict' }>;

/** A save refused with 429 is tried again at most this many times before the error shows. */
const MAX_RATE_LIMIT_RETRIES = 5;
const DEFAULT_RETRY_AFTER_MS = 5_000;
const MAX_RETRY_AFTER_MS = 120_000;

/** How long Confluence asked us to wait (Retry-After, passed on by the server), within reason. */
function retryAfterMsOf(error: AppError<'rate_limited'>): number {
  const wait = error.details?.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1_000, wait));
}

export interface PageSaveOptions {
  pageId: string;
  parentId: string | null;
  onSaved: (result: SaveResult, request: SaveRequest) => void;
  /**
   * Every failed attempt (the caller keeps a draft). `handledByFlow`: a conflict or an automatic
   * retry follows, so the error itself is not for display.
   */
  onFailed: (error: unknown, request: SaveRequest, handledByFlow: boolean) => void;
}

export interface PageSave {
  phase: SavePhase;
  /** Whole seconds until the automatic retry while `phase.kind === 'waiting'`. */
  secondsLeft: number;
  save(request: SaveRequest): void;
  /** Sends the failed or stopped save again, unchanged (same expected version). */
  retry(): void;
  /** Stops the automatic retry after a 429; the text stays in the editor. */
  cancelRetry(): void;
  /**
   * Stops waiting for a save on the wire. It may still land, so the page is read again: saved
   * after all, not saved (the text and a draft stay), or a conflict.
   */
  cancelSave(): void;
  /** Forgets what a stopped save found. */
  dismissStopped(): void;
  openConflictView(): void;
  /** Closes the merge / conflict view, remembering its text for the next opening. */
  closeConflictView(result: { body: string; title: string }): void;
  /** Saves the merge result on their version: `body` to send, `text` as the view showed it. */
  saveResolution(body: string, title: string, text: string): void;
  /** Saves my text on the current version, replacing theirs. */
  overwrite(): void;
  /** Forgets the conflict (after "Reload latest" put theirs in the editor). */
  dismissConflict(): void;
}

/**
 * The save flow's network side. A save is exactly base + 1 (DATA-1) and never blindly retried
 * (DATA-6), with one exception: a 429 was refused before anything changed, so the same request is
 * sent again once Confluence's wait is over (a countdown the user can cancel). A 409 fetches the
 * colleague's version and merges three ways; the caller shows the result for confirmation.
 * The user may stop waiting for a save: the page is then read again to learn whether it landed
 * (lib/pages/stopped-save.ts), and "Try again" / "Save again" resend the same request.
 */
export function usePageSave({ pageId, parentId, onSaved, onFailed }: PageSaveOptions): PageSave {
  const [phase, setPhase] = useState<SavePhase>({ kind: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  const inFlight = useRef(false);
  const onTheWire = useRef<AbortController | null>(null);
  /**
   * Saves the user stopped waiting for, or that failed: one may have landed after all (late, or
   * unseen behind a lost answer), which its retry sees as a 409 with our text at base + 1.
   */
  const uncertain = useRef(new WeakSet<SaveRequest>());
  const callbacks = useRef({ onSaved, onFailed });
  useEffect(() => {
    callbacks.current = { onSaved, onFailed };
  });

  const pagePath = `/api/pages/${encodeURIComponent(pageId)}`;

  const settleStopped = useCallback((request: SaveRequest, outcome: StoppedOutcome) => {
    setPhase({ kind: 'stopped', request, outcome });
    if (outcome.kind === 'saved') {
      callbacks.current.onSaved({ version: outcome.version, recovered: true }, request);
    }
  }, []);

  const startConflict = useCallback(
    async (request: SaveRequest, currentVersion: number) => {
      const conflict: ConflictState = {
        kind: 'conflict',
        request,
        currentVersion,
        merge: null,
        error: null,
        open: true,
        result: null,
      };
      setPhase(conflict);
      const update = (change: Partial<ConflictState>) =>
        setPhase((old) =>
          old.kind === 'conflict' && old.request === request ? { ...old, ...change } : old,
        );
      try {
        const { page } = await fetchJson<{ page: Page }>(pagePath);
        if (uncertain.current.has(request) && stoppedSaveOutcome(request, page).kind === 'saved') {
          // An earlier copy of this save landed after all: the 409 is about its own version.
          settleStopped(request, { kind: 'saved', version: page.version.number });
          return;
        }
        const baseBody =
          request.base.body ??
          (
            await fetchJson<{ body: string }>(
              `${pagePath}/versions/${encodeURIComponent(request.baseVersion)}`,
            )
          ).body;
        const theirs: TheirVersion = {
          version: page.version.number,
          by: page.version.by,
          title: page.title,
          body: page.body,
        };
        const outcome = mergePage(
          {
            base: { title: request.base.title, body: baseBody },
            theirs,
            mine: { title: request.title, body: request.body },
          },
          { mine: 'your text', theirs: `version ${theirs.version} by ${theirs.by}` },
        );
        update({ currentVersion: theirs.version, merge: { theirs, outcome } });
      } catch (error) {
        // Without theirs there is nothing to merge: the banner offers overwrite / reload instead.
        update({ open: false, error: isAppError(error) ? error : new AppError('internal') });
      }
    },
    [pagePath, settleStopped],
  );

  const send = useCallback(
    async (request: SaveRequest, attempt: number) => {
      if (inFlight.current) return;
      inFlight.current = true;
      const wire = new AbortController();
      onTheWire.current = wire;
      setPhase({ kind: 'saving', request });
      try {
        const result = await fetchJson<SaveResult>(pagePath, {
          method: 'PUT',
          signal: wire.signal,
          body: {
            baseVersion: request.baseVersion,
            title: request.title,
            body: request.body,
            parentId,
            ...(request.message.trim() ? { message: request.message.trim() } : {}),
            minorEdit: request.minorEdit,
          },
        });
        setPhase({ kind: 'idle' });
        callbacks.current.onSaved(result, request);
      } catch (error) {
        // Stopped by the user: cancelSave finds out what happened.
        if (wire.signal.aborted) return;
        const limited =
          isAppError(error, 'rate_limited') && attempt < MAX_RATE_LIMIT_RETRIES ? error : null;
        const conflict = isAppError(error, 'version_conflict') ? error : null;
        callbacks.current.onFailed(error, request, limited !== null || conflict !== null);
        if (limited) {
          const at = Date.now();
          setNow(at);
          setPhase({
            kind: 'waiting',
            request,
            retryAt: at + retryAfterMsOf(limited),
            attempt: attempt + 1,
          });
        } else if (conflict) {
          void startConflict(request, conflict.details?.currentVersion ?? request.baseVersion + 1);
        } else {
          uncertain.current.add(request);
          setPhase({ kind: 'failed', request });
        }
      } finally {
        inFlight.current = false;
        if (onTheWire.current === wire) onTheWire.current = null;
      }
    },
    [pagePath, parentId, startConflict],
  );

  // The countdown: a tick for the display, a timer for the retry itself.
  useEffect(() => {
    if (phase.kind !== 'waiting') return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    const retry = setTimeout(
      () => void send(phase.request, phase.attempt),
      Math.max(0, phase.retryAt - Date.now()),
    );
    return () => {
      clearInterval(tick);
      clearTimeout(retry);
    };
  }, [phase, send]);

  const secondsLeft =
    phase.kind === 'waiting' ? Math.max(0, Math.ceil((phase.retryAt - now) / 1000)) : 0;

  const cancelSave = () => {
    const wire = onTheWire.current;
    if (phase.kind !== 'saving' || !wire) return;
    const { request } = phase;
    wire.abort();
    uncertain.current.add(request);
    callbacks.current.onFailed(wire.signal.reason, request, true);
    setPhase({ kind: 'checking', request });
    void (async () => {
      let page: Page | null;
      try {
        ({ page } = await fetchJson<{ page: Page }>(pagePath));
      } catch {
        page = null;
      }
      const outcome = stoppedSaveOutcome(request, page);
      if (outcome.kind === 'conflict') void startConflict(request, outcome.currentVersion);
      else settleStopped(request, outcome);
    })();
  };

  const updateConflict = (change: (old: ConflictState) => Partial<ConflictState>) =>
    setPhase((old) => (old.kind === 'conflict' ? { ...old, ...change(old) } : old));

  return {
    phase,
    secondsLeft,
    save: (request) => void send(request, 0),
    retry() {
      if (phase.kind === 'failed' || (phase.kind === 'stopped' && phase.outcome.kind !== 'saved'))
        void send(phase.request, 0);
    },
    cancelSave,
    dismissStopped: () => setPhase((old) => (old.kind === 'stopped' ? { kind: 'idle' } : old)),
    cancelRetry: () => setPhase((old) => (old.kind === 'waiting' ? { kind: 'idle' } : old)),
    openConflictView: () => updateConflict(() => ({ open: true })),
    closeConflictView: (result) => updateConflict(() => ({ open: false, result })),
    saveResolution(body, title, text) {
      if (phase.kind !== 'conflict' || !phase.merge) return;
      const { theirs } = phase.merge;
      void send(
        {
          ...phase.request,
          baseVersion: theirs.version,
          title,
          body,
          text,
          base: { title: theirs.title, body: theirs.body },
          fromMerge: true,
        },
        0,
      );
    },
    overwrite() {
      if (phase.kind !== 'conflict') return;
      const { currentVersion, merge, request } = phase;
      const ok = window.confirm(
        `Replace version ${currentVersion} with your text? The changes saved in version ${currentVersion} will no longer be the current page.`,
      );
      if (!ok) return;
      void send(
        {
          ...request,
          baseVersion: currentVersion,
          base: merge
            ? { title: merge.theirs.title, body: merge.theirs.body }
            : { title: request.base.title, body: null },
        },
        0,
      );
    },
    dismissConflict: () => setPhase((old) => (old.kind === 'conflict' ? { kind: 'idle' } : old)),
  };
}
