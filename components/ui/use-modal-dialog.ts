'use client';

import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * The life of a native modal `<dialog>` owned by a component: shown with `showModal` when the
 * component mounts (focus trap, Escape and the inert page behind it for free), closed when it
 * unmounts, and focus handed back to the control that opened it. `close` tells the owner once,
 * whether the Close button or Escape (Chrome may refuse to let a page cancel that repeatedly)
 * came first; unmounting the dialog for another view tells the owner nothing.
 */
export function useModalDialog(
  onClose: () => void,
  initialFocusRef?: RefObject<HTMLElement | null>,
): { ref: RefObject<HTMLDialogElement | null>; close: () => void } {
  const ref = useRef<HTMLDialogElement>(null);
  const closed = useRef(false);
  const close = () => {
    if (closed.current) return;
    closed.current = true;
    onClose();
  };

  // Layout effect: the cleanup runs while the dialog is still in the document, so it can close
  // properly and hand focus back before React removes it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    closed.current = false;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocusRef?.current?.focus();
    return () => {
      closed.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocusRef]);

  return { ref, close };
}
