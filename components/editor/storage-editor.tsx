'use client';

import { monaco } from './monaco-setup';

import Editor, { type OnMount } from '@monaco-editor/react';
import { memo, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { autoCloseAt } from '@/lib/editor/auto-close';
import {
  diagnosticsToMarkers,
  MARKER_OWNER,
  SERVER_MARKER_OWNER,
  withServerDiagnostics,
} from '@/lib/editor/diagnostic-markers';
import { minimalEdit } from '@/lib/editor/minimal-edit';
import { STORAGE_LANGUAGE_ID } from './storage-monarch';
import { STORAGE_THEMES } from './storage-themes';
import { htmlToStorage, looksLikeHtml } from '@/lib/storage-format/html-to-storage';
import type { FormatResult } from '@/lib/storage-format/format';
import type { Diagnostic } from '@/lib/storage-format/types';

import styles from './editor.module.css';
import { listenForFileDropsAndPastes } from './editor-file-drops';
import { PastePrompt } from './paste-prompt';
import { scrollOffsetToTopLeft, topLeftOffset } from './scroll-offsets';
import { formatModel, onFormatResult } from './storage-language';
import { createValidator, validationDebounceFor } from './validation-client';

type CodeEditor = Parameters<OnMount>[0];

/** Imperative controls for toolbars (the Scratchpad's, the page editor's). */
export interface StorageEditorApi {
  /** Formats the document; returns the engine's result (with the refusal reason, if any). */
  format(): FormatResult;
  /** Validates now and moves the cursor to the first problem; false when there is none. */
  focusFirstProblem(): Promise<boolean>;
  focus(): void;
  /** Reveals and selects a 1-based position. */
  goTo(line: number, column: number): void;
  /** Replaces the whole text as one undoable edit. */
  setValue(value: string): void;
  getValue(): string;
  /**
   * Calls `listener` with the source offset shown at the top left of the viewport whenever the
   * editor scrolls (either way): the preview's scroll sync, which works on one-line bodies too.
   * Scrolls made by `scrollToOffset` are not reported: they follow the preview, and are no news
   * to it.
   */
  onScrollOffset(listener: (offset: number) => void): () => void;
  /** Scrolls so that source `offset` is at the top left, without moving the cursor. */
  scrollToOffset(offset: number): void;
  /**
   * Shows diagnostics found elsewhere (Confluence's dry run) next to the live ones, until the next
   * edit: they describe the text as it was sent, so any change may make them wrong.
   */
  setServerDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Inserts text at the cursor (replacing the selection) as one undoable edit. */
  insertAtCursor(text: string): void;
}

export interface StorageEditorProps {
  defaultValue: string;
  onChange?: (value: string) => void;
  /** Every validation result (debounced as you type; off the main thread for big bodies). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  onCursorChange?: (position: { line: number; column: number }) => void;
  /** Short messages for the host's status area (format refusals, paste conversions). */
  onNotice?: (message: string) => void;
  /** Files dropped or pasted into the editor (to attach); without it, Monaco's defaults apply. */
  onFiles?: (files: File[]) => void;
  theme: 'light' | 'dark';
  wordWrap: boolean;
  minimap: boolean;
  apiRef?: RefObject<StorageEditorApi | null>;
  /** Model path; distinct editors need distinct paths. */
  path?: string;
  ariaLabel?: string;
}

interface PendingPaste {
  html: string;
  versionId: number;
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
}

/**
 * Monaco as a storage-format editor: the `storage` language (highlighting, completion, hover,
 * quick fixes, formatting, folding, tag matching), live validation markers, auto-closing tags,
 * and "Paste as storage format" for HTML on the clipboard. Client-only: load it through
 * storage-editor-loader.tsx. Memoized: a host re-rendering for other reasons (the page editor on
 * each key) passes it by when its props are unchanged.
 */
export const StorageEditor = memo(function StorageEditor({
  defaultValue,
  onChange,
  onDiagnostics,
  onCursorChange,
  onNotice,
  onFiles,
  theme,
  wordWrap,
  minimap,
  apiRef,
  path = 'body.storage',
  ariaLabel = 'Storage format source',
}: StorageEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const callbacks = useRef({ onChange, onDiagnostics, onCursorChange, onNotice, onFiles });
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const pendingPasteRef = useRef<PendingPaste | null>(null);

  useEffect(() => {
    callbacks.current = { onChange, onDiagnostics, onCursorChange, onNotice, onFiles };
  });

  const showPaste = useCallback((value: PendingPaste | null) => {
    pendingPasteRef.current = value;
    setPendingPaste(value);
  }, []);

  const convertPaste = useCallback(() => {
    const editor = editorRef.current;
    const paste = pendingPasteRef.current;
    const model = editor?.getModel();
    showPaste(null);
    if (!editor || !paste || !model) return;
    if (model.getVersionId() !== paste.versionId) {
      callbacks.current.onNotice?.('The text changed since the paste; paste again to convert it.');
      return;
    }
    const storage = htmlToStorage(paste.html);
    editor.executeEdits('paste-as-storage', [{ range: paste.range, text: storage }]);
    editor.pushUndoStop();
    editor.focus();
    callbacks.current.onNotice?.('Pasted HTML converted to storage format.');
  }, [showPaste]);

  const dismissPaste = useCallback(() => {
    showPaste(null);
    editorRef.current?.focus();
  }, [showPaste]);

  const disposers = useRef<(() => void)[]>([]);
  useEffect(
    () => () => {
      for (const dispose of disposers.current) dispose();
      disposers.current = [];
    },
    [],
  );

  const handleMount = useCallback<OnMount>(
    (editor) => {
      editorRef.current = editor;
      const model = editor.getModel();
      if (!model) return;
      // Monaco picks CRLF from a Windows user agent; storage bodies (and diagnostics) use LF.
      model.setEOL(monaco.editor.EndOfLineSequence.LF);
      const validator = createValidator();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lastDiagnostics: Diagnostic[] = [];
      let serverDiagnostics: readonly Diagnostic[] = [];
      const report = () =>
        callbacks.current.onDiagnostics?.(
          withServerDiagnostics(lastDiagnostics, serverDiagnostics),
        );
      const setServer = (diagnostics: readonly Diagnostic[]) => {
        serverDiagnostics = diagnostics;
        monaco.editor.setModelMarkers(
          model,
          SERVER_MARKER_OWNER,
          diagnosticsToMarkers(diagnostics),
        );
        report();
      };
      // text/html of the paste in progress, read in the capture phase before Monaco handles it.
      const clipboardHtml = { current: null as string | null };

      const validate = async (): Promise<Diagnostic[]> => {
        const version = model.getVersionId();
        const diagnostics = await validator.validate(model.getValue());
        if (model.isDisposed() || model.getVersionId() !== version) return lastDiagnostics;
        lastDiagnostics = diagnostics;
        monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnosticsToMarkers(diagnostics));
        report();
        return diagnostics;
      };
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(() => void validate(), validationDebounceFor(model.getValueLength()));
      };

      const subscriptions = [
        editor.onDidChangeModelContent((event) => {
          callbacks.current.onChange?.(model.getValue());
          if (serverDiagnostics.length > 0) setServer([]);
          schedule();
          if (pendingPasteRef.current && !event.isFlush) {
            // Any edit after the paste makes the offer stale.
            if (model.getVersionId() !== pendingPasteRef.current.versionId) showPaste(null);
          }
          const change = event.changes[0];
          if (
            event.changes.length !== 1 ||
            !change ||
            event.isUndoing ||
            event.isRedoing ||
            event.isFlush ||
            change.rangeLength !== 0 ||
            (change.text !== '>' && change.text !== '/')
          )
            return;
          const typedAt = change.rangeOffset + 1;
          const typed = change.text;
          // Edit after Monaco finishes this change, as a separate undo step. Monaco types a
          // multi-character input (IME commit, automation) one character at a time and may emit
          // the events afterwards: only a lone keystroke leaves the cursor just after the
          // character, so anything else is left alone.
          queueMicrotask(() => {
            if (model.isDisposed()) return;
            const selection = editor.getSelection();
            if (!selection?.isEmpty() || model.getOffsetAt(selection.getPosition()) !== typedAt)
              return;
            const edit = autoCloseAt(model.getValue(), typedAt, typed);
            if (!edit) return;
            const at = model.getPositionAt(typedAt);
            const range = new monaco.Range(at.lineNumber, at.column, at.lineNumber, at.column);
            editor.executeEdits('auto-close-tag', [{ range, text: edit.text }]);
            if (edit.cursorAfter) {
              const end = model.getPositionAt(typedAt + edit.text.length);
              editor.setPosition(end);
            } else editor.setPosition(at);
          });
        }),
        editor.onDidChangeCursorPosition((event) => {
          callbacks.current.onCursorChange?.({
            line: event.position.lineNumber,
            column: event.position.column,
          });
        }),
        editor.onDidPaste((event) => {
          const html = clipboardHtml.current;
          clipboardHtml.current = null;
          if (html && looksLikeHtml(html)) {
            showPaste({ html, versionId: model.getVersionId(), range: event.range });
          }
        }),
        editor.addAction({
          id: 'pagewright.pasteAsStorage',
          label: 'Paste as storage format (convert the pasted HTML)',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyCode.KeyV],
          run: () => convertPaste(),
        }),
      ];

      const stopListening = listenForFileDropsAndPastes(
        editor,
        () => callbacks.current.onFiles,
        (html) => {
          clipboardHtml.current = html;
        },
      );
      const unsubscribeFormat = onFormatResult(model, (result) => {
        if (!result.ok && result.reason) callbacks.current.onNotice?.(result.reason);
      });

      if (apiRef) {
        /** True while scrollToOffset moves the editor: its scroll events are not the user's. */
        let scrollingToOffset = false;
        apiRef.current = {
          format() {
            const { edits, result } = formatModel(model);
            if (edits.length > 0) {
              editor.pushUndoStop();
              editor.executeEdits('format', edits);
              editor.pushUndoStop();
            }
            return result;
          },
          async focusFirstProblem() {
            clearTimeout(timer);
            const diagnostics = await validate();
            const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
            editor.focus();
            if (!first) return false;
            // Selected, with the cursor at its start (where Ctrl+. offers the fixes).
            editor.setSelection(
              new monaco.Selection(first.endLine, first.endColumn, first.line, first.column),
            );
            editor.revealRangeInCenterIfOutsideViewport(
              new monaco.Range(first.line, first.column, first.endLine, first.endColumn),
            );
            return true;
          },
          focus: () => editor.focus(),
          goTo(line, column) {
            editor.setPosition({ lineNumber: line, column });
            editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
            editor.focus();
          },
          setValue(value) {
            const edit = minimalEdit(model.getValue(), value);
            if (!edit) return;
            const start = model.getPositionAt(edit.start);
            const end = model.getPositionAt(edit.end);
            editor.pushUndoStop();
            editor.executeEdits('set-value', [
              {
                range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
                text: edit.text,
              },
            ]);
            editor.pushUndoStop();
          },
          getValue: () => model.getValue(),
          onScrollOffset(listener) {
            const subscription = editor.onDidScrollChange((event) => {
              // Not the scrolls asked for below (Monaco reports them synchronously): only what
              // the user, or the text, moved.
              if (scrollingToOffset) return;
              if (event.scrollTopChanged || event.scrollLeftChanged)
                listener(topLeftOffset(editor));
            });
            return () => subscription.dispose();
          },
          scrollToOffset(offset) {
            scrollingToOffset = true;
            try {
              scrollOffsetToTopLeft(editor, offset);
            } finally {
              scrollingToOffset = false;
            }
          },
          setServerDiagnostics: setServer,
          insertAtCursor(text) {
            const selection = editor.getSelection();
            if (!selection) return;
            editor.pushUndoStop();
            editor.executeEdits('insert-attachment', [{ range: selection, text }]);
            editor.pushUndoStop();
            editor.focus();
          },
        };
      }

      disposers.current.push(() => {
        clearTimeout(timer);
        validator.dispose();
        unsubscribeFormat();
        stopListening();
        for (const subscription of subscriptions) subscription.dispose();
        if (apiRef) apiRef.current = null;
        editorRef.current = null;
      });

      void validate();
    },
    [apiRef, convertPaste, showPaste],
  );

  // Stable between renders: @monaco-editor/react re-applies `options` whenever the object changes.
  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      automaticLayout: true,
      // U+2028/U+2029 are legal in storage bodies; Monaco's default asks with a native
      // confirm() that blocks the page. Keep them as they are, without asking.
      unusualLineTerminators: 'off',
      minimap: { enabled: minimap },
      wordWrap: wordWrap ? 'on' : 'off',
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      scrollBeyondLastLine: false,
      linkedEditing: true,
      wordBasedSuggestions: 'off',
      formatOnPaste: false,
      renderWhitespace: 'selection',
      find: { addExtraSpaceOnTop: false, seedSearchStringFromSelection: 'selection' },
      quickSuggestions: { other: true, comments: false, strings: true },
    }),
    [ariaLabel, minimap, wordWrap],
  );

  return (
    <div className={styles.editorHost}>
      <div className={styles.editorFrame}>
        <Editor
          height="100%"
          language={STORAGE_LANGUAGE_ID}
          path={path}
          defaultValue={defaultValue}
          theme={STORAGE_THEMES[theme]}
          onMount={handleMount}
          loading={<p className={styles.loading}>Loading editor…</p>}
          options={options}
        />
      </div>
      {pendingPaste && <PastePrompt onConvert={convertPaste} onDismiss={dismissPaste} />}
    </div>
  );
});
