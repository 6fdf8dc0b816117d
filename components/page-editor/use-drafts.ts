'use client';

import { type MouseEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';

import type { StorageEditorApi } from '@/components/editor/storage-editor';

import { deleteDraft, type PageDraft, readDraft, writeDraft } from './page-draft';

/** Drafts are written this long after the last change (and at once on pagehide / hidden). */
const DRAFT_DELAY_MS = 2000;

export interface DraftState {
  /** The editor text (as shown: laid out when the page is on long lines). */
  body: string;
  title: string;
  baseVersion: number;
  dirty: boolean;
}

export interface Drafts {
  /** A draft from an earlier visit that differs from the page: offered until restored or discarded. */
  offer: PageDraft | null;
  /** Takes the draft off offer (it stays stored until the next write or save). */
  clearOffer(): void;
  /** Puts a draft on offer (after "Reload latest" kept mine aside). */
  offerDraft(draft: PageDraft): void;
  /** Deletes the stored draft and the offer. */
  discard(): void;
  /** Writes the current text now (no-op while clean or while a draft is on offer). */
  keepNow(): void;
  /** For in-app links: keeps the draft and asks before leaving with unsaved changes. */
  guardLink(event: MouseEvent<HTMLAnchorElement>): void;
}

/**
 * Local drafts of one page (docs/security.md DATA-3) and the leave guard (DATA-4): the text is written
 * a moment after every change and at once when the tab is hidden or closed; leaving with unsaved
 * changes asks first. `apiRef` supplies the editor's live text (newer than React state).
 */
export function useDrafts(
  /** `shown`: the page's body as the editor opened it. */
  page: { id: string; body: string; shown: string; title: string },
  state: DraftState,
  apiRef: RefObject<StorageEditorApi | null>,
): Drafts {
  const id = page.id;
  const [offer, setOffer] = useState<PageDraft | null>(() => {
    const draft = readDraft(page.id);
    const sameBody = draft?.body === (draft?.asShown ? page.shown : page.body);
    return draft && (!sameBody || draft.title !== page.title) ? draft : null;
  });

  // The latest state, readable from pagehide and timers.
  const latest = useRef({ ...state, offer });
  useEffect(() => {
    latest.current = { ...state, offer };
  });

  const keepNow = useCallback(() => {
    const now = latest.current;
    // While a draft is on offer, it is the only copy of that text: never overwrite it.
    if (!now.dirty || now.offer) return;
    writeDraft({
      pageId: id,
      baseVersion: now.baseVersion,
      body: apiRef.current?.getValue() ?? now.body,
      asShown: true,
      title: now.title,
      savedAt: Date.now(),
    });
  }, [id, apiRef]);

  const { body, title, dirty } = state;
  useEffect(() => {
    if (!dirty || offer) return;
    const timer = setTimeout(keepNow, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, title, dirty, offer, keepNow]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keepNow();
    };
    window.addEventListener('pagehide', keepNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', keepNow);
      document.removeEventListener('visibilitychange', onHidden);
      keepNow();
    };
  }, [keepNow]);

  // Leave guard: attached only while there are unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      keepNow();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, keepNow]);

  const guardLink = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!dirty) return;
    keepNow();
    if (!window.confirm('Leave this page? Your unsaved changes are kept as a local draft.')) {
      event.preventDefault();
    }
  };

  return {
    offer,
    clearOffer: () => setOffer(null),
    offerDraft: setOffer,
    discard: () => {
      deleteDraft(id);
      setOffer(null);
    },
    keepNow,
    guardLink,
  };
}
