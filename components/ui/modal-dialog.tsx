'use client';

import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from 'react';

import styles from './modal-dialog.module.css';

export interface ModalDialogProps {
  /** The visible heading, also the dialog's accessible name. */
  heading: string;
  /** Escape, the Close button: the owner unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** Wide dialogs hold a diff editor. */
  size?: 'small' | 'wide';
  /** Where focus goes on opening (the first field, the editor); the dialog's first control otherwise. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Text of the close button (Cancel for views whose close keeps something aside). */
  closeLabel?: string;
}

/**
 * A native modal `<dialog>`: `showModal` gives the focus trap, Escape and the inert page behind
 * it; focus goes back to the control that opened it (the Save button, the editor) on closing.
 */
export function ModalDialog({
  heading,
  onClose,
  children,
  size = 'small',
  initialFocusRef,
  closeLabel = 'Close',
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  // Escape closes the dialog natively (Chrome may refuse to let a page cancel that repeatedly);
  // the Close button asks the owner. Either way the owner hears it exactly once.
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

  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? styles.dialogWide : styles.dialog}
      aria-labelledby={headingId}
      onClose={close}
    >
      <div className={styles.dialogHead}>
        <h2 id={headingId}>{heading}</h2>
        <button type="button" className="button" onClick={close}>
          {closeLabel}
        </button>
      </div>
      {children}
    </dialog>
  );
}
