'use client';

import { monaco } from './monaco-setup';

import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';

import { STORAGE_LANGUAGE_ID } from './storage-monarch';
import { STORAGE_THEMES } from './storage-themes';

import styles from './editor.module.css';

type CodeDiffEditor = Parameters<DiffOnMount>[0];

/** Imperative controls of the editable (right-hand) side. */
export interface StorageDiffEditorApi {
  getModified(): string;
  /** Replaces the right-hand text as one undoable edit. */
  setModified(value: string): void;
  focus(): void;
}

export interface StorageDiffEditorProps {
  original: string;
  /** Initial right-hand text; later changes go through `apiRef.setModified` when it is editable. */
  modified: string;
  theme: 'light' | 'dark';
  /** Accessible names of the two sides. */
  originalLabel: string;
  modifiedLabel: string;
  /** The right-hand side can be edited (merge results); both sides are read-only otherwise. */
  editable?: boolean;
  /** Whitespace at the start and end of lines does not count as a change. */
  ignoreTrimWhitespace?: boolean;
  onModifiedChange?: (value: string) => void;
  apiRef?: RefObject<StorageDiffEditorApi | null>;
}

/**
 * Monaco's diff editor (createDiffEditor) on storage format, bundled like the main editor (no
 * CDN, see monaco-setup.ts). Side by side when there is room, inline on narrow screens; F7 and
 * Shift+F7 move between changes. Client-only: load it through diff-editor-loader.tsx.
 */
export function StorageDiffEditor({
  original,
  modified,
  theme,
  originalLabel,
  modifiedLabel,
  editable = false,
  ignoreTrimWhitespace = false,
  onModifiedChange,
  apiRef,
}: StorageDiffEditorProps) {
  const editorRef = useRef<CodeDiffEditor | null>(null);
  const onChangeRef = useRef(onModifiedChange);
  useEffect(() => {
    onChangeRef.current = onModifiedChange;
  });

  // A new object would make @monaco-editor/react call updateOptions on every render.
  const options = useMemo(
    () => ({
      automaticLayout: true,
      readOnly: !editable,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      ignoreTrimWhitespace,
      renderOverviewRuler: true,
      wordWrap: 'on' as const,
      diffWordWrap: 'on' as const,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
      accessibilityVerbose: true,
    }),
    [editable, ignoreTrimWhitespace],
  );

  const disposers = useRef<(() => void)[]>([]);
  useEffect(
    () => () => {
      for (const dispose of disposers.current) dispose();
      disposers.current = [];
      // @monaco-editor/react disposes the models before the diff editor, which Monaco reports as
      // "TextModel got disposed before DiffEditorWidget model got reset". This cleanup runs first
      // (parent before child): detach the models, then dispose them in the right order.
      const editor = editorRef.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
      editorRef.current = null;
    },
    [],
  );

  const handleMount = useCallback<DiffOnMount>(
    (editor) => {
      editorRef.current = editor;
      const left = editor.getOriginalEditor();
      const right = editor.getModifiedEditor();
      left.updateOptions({ ariaLabel: originalLabel });
      right.updateOptions({ ariaLabel: modifiedLabel });
      right.getModel()?.setEOL(monaco.editor.EndOfLineSequence.LF);
      const subscription = right.onDidChangeModelContent(() => {
        onChangeRef.current?.(right.getValue());
      });
      if (apiRef) {
        apiRef.current = {
          getModified: () => right.getValue(),
          setModified(value) {
            const model = right.getModel();
            if (!model || model.getValue() === value) return;
            right.pushUndoStop();
            right.executeEdits('set-value', [{ range: model.getFullModelRange(), text: value }]);
            right.pushUndoStop();
          },
          focus: () => right.focus(),
        };
      }
      disposers.current.push(() => {
        subscription.dispose();
        if (apiRef) apiRef.current = null;
      });
    },
    [apiRef, originalLabel, modifiedLabel],
  );

  return (
    <div className={styles.editorFrame}>
      <DiffEditor
        height="100%"
        language={STORAGE_LANGUAGE_ID}
        original={original}
        modified={modified}
        theme={STORAGE_THEMES[theme]}
        onMount={handleMount}
        loading={<p className={styles.loading}>Loading the comparison…</p>}
        options={options}
      />
    </div>
  );
}
