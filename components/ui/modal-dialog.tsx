'use client';

import { type ReactNode, type RefObject, useId } from 'react';

import styles from './modal-dialog.module.css';
import { useModalDialog } from './use-modal-dialog';

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
  const { ref, close } = useModalDialog(onClose, initialFocusRef);
  const headingId = useId();

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
