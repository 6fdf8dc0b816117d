'use client';

import type { ReactNode } from 'react';

import editorStyles from '@/components/editor/editor.module.css';
import type { EditorPreferences } from '@/lib/editor/editor-preferences';

import styles from './page-editor.module.css';

export interface PageToolbarProps {
  preferences: EditorPreferences;
  onPreferencesChange: (change: Partial<EditorPreferences>) => void;
  panes: Record<Pane, boolean>;
  onTogglePane: (pane: Pane) => void;
  onFormat: () => void;
  onValidate: () => void;
  onCheckWithConfluence: () => void;
  /** A dry run is in flight: the button waits for it. */
  checking: boolean;
  onDiff: () => void;
  onRename: () => void;
  onHistory: () => void;
  onSave: () => void;
  saveDisabled: boolean;
  /** Why a save would be refused, shown beside the button (null when it would not). */
  saveWhy: string | null;
  /** The element that explains a disabled Save (the read-only notice). */
  saveDescribedBy?: string;
  /** Page-level actions (New page, Move) shown after History. */
  pageActions?: ReactNode;
}

type Pane = 'editor' | 'preview';

/** The two panes; the one left showing cannot be hidden. */
const PANES: ReadonlyArray<{ pane: Pane; label: string; other: Pane }> = [
  { pane: 'editor', label: 'Editor', other: 'preview' },
  { pane: 'preview', label: 'Preview', other: 'editor' },
];

/** The page editor's tools: text, view and page commands, and Save (also Ctrl/Cmd+S). */
export function PageToolbar({
  preferences,
  onPreferencesChange: choose,
  panes,
  onTogglePane,
  onFormat,
  onValidate,
  onCheckWithConfluence,
  checking,
  onDiff,
  onRename,
  onHistory,
  onSave,
  saveDisabled,
  saveWhy,
  saveDescribedBy,
  pageActions,
}: PageToolbarProps) {
  return (
    <div className={editorStyles.toolbar} role="toolbar" aria-label="Page tools">
      <button type="button" onClick={onFormat}>
        Format
      </button>
      <button type="button" onClick={onValidate}>
        Validate
      </button>
      <button type="button" onClick={onCheckWithConfluence} disabled={checking}>
        Check with Confluence
      </button>
      {PANES.map(({ pane, label, other }) => (
        <button
          key={pane}
          type="button"
          aria-pressed={panes[pane]}
          disabled={panes[pane] && !panes[other]}
          onClick={() => onTogglePane(pane)}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={preferences.wordWrap}
        onClick={() => choose({ wordWrap: !preferences.wordWrap })}
      >
        Word wrap
      </button>
      <button
        type="button"
        aria-pressed={preferences.minimap}
        onClick={() => choose({ minimap: !preferences.minimap })}
      >
        Minimap
      </button>
      <label className={styles.toolbarCheck}>
        <input
          type="checkbox"
          checked={preferences.saveFormatted}
          onChange={(event) => choose({ saveFormatted: event.target.checked })}
        />
        Save formatted (writes the laid-out text: every line changes in Confluence&apos;s history)
      </label>
      <button type="button" onClick={onDiff}>
        Diff
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onRename}>
        Rename
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onHistory}>
        History
      </button>
      {pageActions}
      <span className={editorStyles.separatorGroup} aria-hidden="true" />
      <button
        type="button"
        className={styles.saveButton}
        onClick={onSave}
        disabled={saveDisabled}
        aria-describedby={saveDescribedBy}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+S Meta+S"
      >
        Save
      </button>
      {saveWhy && <span className={styles.saveWhy}>{saveWhy}</span>}
    </div>
  );
}
