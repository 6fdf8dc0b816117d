'use client';

import editorStyles from '@/components/editor/editor.module.css';
import type { EditorPreferences } from '@/lib/editor/editor-preferences';

import styles from './page-editor.module.css';

export interface PageToolbarProps {
  preferences: EditorPreferences;
  onPreferencesChange: (change: Partial<EditorPreferences>) => void;
  panes: { editor: boolean; preview: boolean };
  onTogglePane: (pane: 'editor' | 'preview') => void;
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
}

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
      <button
        type="button"
        aria-pressed={panes.editor}
        disabled={panes.editor && !panes.preview}
        onClick={() => onTogglePane('editor')}
      >
        Editor
      </button>
      <button
        type="button"
        aria-pressed={panes.preview}
        disabled={panes.preview && !panes.editor}
        onClick={() => onTogglePane('preview')}
      >
        Preview
      </button>
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
          checked={preferences.formatOnOpen}
          onChange={(event) => choose({ formatOnOpen: event.target.checked })}
        />
        Open pages formatted
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
      <span className={editorStyles.separatorGroup} aria-hidden="true" />
      <button
        type="button"
        className={styles.saveButton}
        onClick={onSave}
        disabled={saveDisabled}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+S Meta+S"
      >
        Save
      </button>
      {saveWhy && <span className={styles.saveWhy}>{saveWhy}</span>}
    </div>
  );
}
