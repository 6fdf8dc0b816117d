'use client';

import { useEffect, useState } from 'react';

import { ModalDialog } from '@/components/ui/modal-dialog';

import styles from './page-editor.module.css';

/** What the page editor's keys do, as the help dialog lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Ctrl+S (⌘S)', action: 'Save: opens the save dialog; in the dialog, saves' },
  { keys: 'Shift+Alt+F', action: 'Format the storage format (also the Format button)' },
  { keys: 'Ctrl+F', action: 'Find in the editor' },
  { keys: 'Ctrl+H', action: 'Find and replace (Alt+R: regular expressions)' },
  { keys: 'Ctrl+Space', action: 'Suggestions: macros, elements, parameters, entities' },
  { keys: 'Ctrl+.', action: 'Quick fixes for the error under the cursor' },
  { keys: 'Ctrl+M', action: 'Let Tab move focus out of the editor (press again to indent)' },
  { keys: 'F7 / Shift+F7', action: 'Diff: next / previous change' },
  {
    keys: 'Arrow keys in "Preview mode"',
    action: 'Preview modes: Instant (as you type) or Confluence (its own rendering)',
  },
  { keys: '?', action: 'This help (outside the editor)' },
];

/** `?` typed where it is not text: in a field or the editor it is just a question mark. */
function isHelpKey(event: KeyboardEvent): boolean {
  if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('input, textarea, select, [contenteditable], .monaco-editor, dialog');
}

/** The "Keyboard shortcuts" button and its dialog; `?` outside the editor opens it too. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        Keyboard shortcuts
      </button>
      {open && (
        <ModalDialog heading="Keyboard shortcuts" onClose={() => setOpen(false)}>
          <table className={styles.shortcuts}>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map(({ keys, action }) => (
                <tr key={keys}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ModalDialog>
      )}
    </>
  );
}
