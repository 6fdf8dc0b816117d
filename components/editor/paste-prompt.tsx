'use client';

import { useEffect, useRef } from 'react';

import styles from './editor.module.css';

export interface PastePromptProps {
  onConvert: () => void;
  onDismiss: () => void;
}

/**
 * A small non-modal offer shown after pasting HTML: the text stays pasted as it was, and one
 * click (or Ctrl/Cmd+Alt+V in the editor, or Tab to the button) converts it to storage format.
 * Escape anywhere in the prompt dismisses it.
 */
export function PastePrompt({ onConvert, onDismiss }: PastePromptProps) {
  const convertRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Escape' &&
        convertRef.current?.parentElement?.contains(document.activeElement)
      )
        onDismiss();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onDismiss]);

  return (
    <div className={styles.pastePrompt} role="status" aria-live="polite">
      <span>The clipboard held HTML.</span>
      <button ref={convertRef} type="button" onClick={onConvert}>
        Paste as storage format
      </button>
      <button type="button" onClick={onDismiss}>
        Keep as pasted
      </button>
      <span className={styles.hint}>(Ctrl/⌘+Alt+V in the editor)</span>
    </div>
  );
}
