'use client';

import { type RefObject, useCallback, useEffect, useRef } from 'react';

import type { PreviewFrameApi } from './preview-frame';
import type { StorageEditorApi } from '@/components/editor/storage-editor';

/** Editor and preview scroll each other; the side the user moves leads for this long. */
const SCROLL_LEAD_MS = 250;

/**
 * Editor and preview follow each other's scrolling, by source offset: the editor's top left
 * position → offset → the preview block holding it, and a preview block → its offset → the
 * editor position. Offsets hold on one-line bodies and in laid-out views alike (the preview
 * renders the editor's own text). Returns the handler for the preview's own scrolling; the
 * editor's is subscribed here. Whichever side moved last leads for a moment, so the two do not
 * chase each other.
 */
export function useScrollSync(
  editorApiRef: RefObject<StorageEditorApi | null> | undefined,
  frameApi: RefObject<PreviewFrameApi | null>,
): (offset: number) => void {
  const lead = useRef<{ side: 'editor' | 'preview'; until: number }>({ side: 'editor', until: 0 });
  /** An editor move made while the preview led, followed when the lead ends (below). */
  const waiting = useRef<WaitingMove | null>(null);
  useEffect(() => () => forgetWaiting(waiting), []);
  const onPreviewScroll = useCallback(
    (offset: number) => {
      const now = performance.now();
      if (lead.current.side === 'editor' && now < lead.current.until) return;
      lead.current = { side: 'preview', until: now + SCROLL_LEAD_MS };
      // A newer move of the preview's wins over an editor move still waiting for its turn.
      forgetWaiting(waiting);
      editorApiRef?.current?.scrollToOffset(offset);
    },
    [editorApiRef],
  );
  // The editor's own moves while the preview leads (a key pressed right after a jump in the
  // preview): the last one is followed when the lead ends, not dropped. The editor does not
  // report the scrolls it makes to follow the preview, so these are the user's.
  const followEditor = useCallback(
    function follow(offset: number) {
      const now = performance.now();
      if (lead.current.side === 'preview' && now < lead.current.until) {
        if (waiting.current) waiting.current.offset = offset;
        else {
          const timer = window.setTimeout(() => {
            const last = waiting.current;
            waiting.current = null;
            if (last) follow(last.offset);
          }, lead.current.until - now);
          waiting.current = { offset, timer };
        }
        return;
      }
      // Followed now: an older move still waiting (its timer late) must not follow after it.
      forgetWaiting(waiting);
      lead.current = { side: 'editor', until: now + SCROLL_LEAD_MS };
      frameApi.current?.scrollToOffset(offset);
    },
    [frameApi],
  );
  useSyncEditorScroll(editorApiRef, followEditor);
  return onPreviewScroll;
}

/** An editor move waiting for the preview's lead to end, and the timer that will follow it. */
interface WaitingMove {
  offset: number;
  timer: number;
}

function forgetWaiting(waiting: RefObject<WaitingMove | null>): void {
  window.clearTimeout(waiting.current?.timer);
  waiting.current = null;
}

/**
 * Follows the editor's scrolling. The editor mounts after the pane (Monaco loads lazily) and may
 * be re-created, so the subscription is (re)made whenever the editor's API object changes.
 */
function useSyncEditorScroll(
  editorApiRef: RefObject<StorageEditorApi | null> | undefined,
  onOffset: (offset: number) => void,
): void {
  const callback = useRef(onOffset);
  useEffect(() => {
    callback.current = onOffset;
  });
  useEffect(() => {
    if (!editorApiRef) return;
    let subscribed: StorageEditorApi | null = null;
    let unsubscribe: (() => void) | null = null;
    const check = () => {
      const api = editorApiRef.current;
      if (api === subscribed) return;
      unsubscribe?.();
      subscribed = api;
      unsubscribe = api ? api.onScrollOffset((offset) => callback.current(offset)) : null;
    };
    check();
    const timer = window.setInterval(check, 500);
    return () => {
      window.clearInterval(timer);
      unsubscribe?.();
    };
  }, [editorApiRef]);
}
