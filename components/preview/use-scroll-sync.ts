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
  const onPreviewScroll = useCallback(
    (offset: number) => {
      const now = performance.now();
      if (lead.current.side === 'editor' && now < lead.current.until) return;
      lead.current = { side: 'preview', until: now + SCROLL_LEAD_MS };
      editorApiRef?.current?.scrollToOffset(offset);
    },
    [editorApiRef],
  );
  useSyncEditorScroll(editorApiRef, (offset) => {
    const now = performance.now();
    if (lead.current.side === 'preview' && now < lead.current.until) return;
    lead.current = { side: 'editor', until: now + SCROLL_LEAD_MS };
    frameApi.current?.scrollToOffset(offset);
  });
  return onPreviewScroll;
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
