'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { countDiagnostics } from '@/lib/editor/diagnostic-markers';
import { createDraftStore, SCRATCH_BODY_KEY } from '@/lib/editor/draft-store';
import type { Diagnostic } from '@/lib/storage-format/types';

import { useAppTheme } from '@/components/theme/theme-store';

import styles from './editor.module.css';
import { PreviewPaneLoader as PreviewPane } from '@/components/preview/preview-pane-loader';
import { SplitView } from './split-view';
import type { StorageEditorApi } from './storage-editor';
import { StorageEditorLoader } from './storage-editor-loader';

const SAMPLE = `<h1>Scratchpad</h1>
<p>Write <strong>Confluence storage format</strong> here. Nothing leaves this browser, and the text is kept across reloads.</p>
<ac:structured-macro ac:name="info">
  <ac:rich-text-body>
    <p>Type <code>&lt;</code> for macros and elements, <code>&amp;</code> for entities, Ctrl+Space for suggestions, Ctrl+. for quick fixes.</p>
  </ac:rich-text-body>
</ac:structured-macro>
<table>
  <tbody>
    <tr>
      <th>Keys</th>
      <th>Action</th>
    </tr>
    <tr>
      <td>Shift+Alt+F</td>
      <td>Format</td>
    </tr>
    <tr>
      <td>Ctrl+F / Ctrl+H</td>
      <td>Find / replace (Alt+R: regular expressions)</td>
    </tr>
    <tr>
      <td>Ctrl+M</td>
      <td>Let Tab move focus out of the editor</td>
    </tr>
  </tbody>
</table>
`;

const browserStorage = () => (typeof window === 'undefined' ? null : window.localStorage);
const bodyStore = createDraftStore(SCRATCH_BODY_KEY, SAMPLE, browserStorage);

const serverSnapshot = () => null;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The Scratchpad: storage format with no Confluence at all. Validate, format, preview and
 * convert pasted HTML; the body lives in localStorage so nothing typed is lost on reload.
 */
export function Scratchpad() {
  const body = useSyncExternalStore(bodyStore.subscribe, bodyStore.get, serverSnapshot);
  // The app-wide theme (the switch is in the header).
  const theme = useAppTheme();

  const apiRef = useRef<StorageEditorApi | null>(null);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [notice, setNotice] = useState('');
  const [showEditor, setShowEditor] = useState(true);
  const [showPreview, setShowPreview] = useState(true);
  const [wordWrap, setWordWrap] = useState(true);
  const [minimap, setMinimap] = useState(false);

  useEffect(() => {
    const flush = () => bodyStore.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const onFormat = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const result = api.format();
    setNotice(result.ok ? 'Formatted.' : (result.reason ?? 'Formatting was refused.'));
    api.focus();
  }, []);

  const onValidate = useCallback(async () => {
    const api = apiRef.current;
    if (!api) return;
    const found = await api.focusFirstProblem();
    setNotice(found ? '' : 'No problems found.');
  }, []);

  const { errors, warnings } = countDiagnostics(diagnostics);
  const first = diagnostics[0];

  return (
    <section className={styles.scratchpad} aria-labelledby="scratchpad-title">
      <div className={styles.toolbar} role="group" aria-label="Scratchpad tools">
        <h1 id="scratchpad-title" className={styles.title}>
          Scratchpad
        </h1>
        <button type="button" onClick={onFormat} disabled={!showEditor}>
          Format
        </button>
        <button type="button" onClick={() => void onValidate()} disabled={!showEditor}>
          Validate
        </button>
        <span className={styles.separatorGroup} aria-hidden="true" />
        <button
          type="button"
          aria-pressed={showEditor}
          onClick={() => setShowEditor((v) => !v || !showPreview)}
        >
          Editor
        </button>
        <button
          type="button"
          aria-pressed={showPreview}
          onClick={() => setShowPreview((v) => !v || !showEditor)}
        >
          Preview
        </button>
        <button type="button" aria-pressed={wordWrap} onClick={() => setWordWrap((v) => !v)}>
          Wrap
        </button>
        <button type="button" aria-pressed={minimap} onClick={() => setMinimap((v) => !v)}>
          Minimap
        </button>
      </div>

      {body === null ? (
        <p className={styles.loading}>Loading…</p>
      ) : (
        <SplitView
          label="Resize editor and preview"
          first={
            showEditor ? (
              <StorageEditorLoader
                // Read once at mount (Monaco owns the text afterwards; changes flow out of it).
                defaultValue={body}
                path="scratchpad.storage"
                ariaLabel="Storage format source"
                onChange={bodyStore.set}
                onDiagnostics={setDiagnostics}
                onCursorChange={setCursor}
                onNotice={setNotice}
                theme={theme}
                wordWrap={wordWrap}
                minimap={minimap}
                apiRef={apiRef}
              />
            ) : null
          }
          second={
            showPreview ? (
              // Offline: no Confluence mode here, and no page to take attachments from.
              <PreviewPane source={body} theme={theme} editorApiRef={apiRef} />
            ) : null
          }
        />
      )}

      <div className={styles.statusBar}>
        <span className={errors > 0 ? styles.statusErrors : undefined} data-testid="error-count">
          {plural(errors, 'error')}
        </span>
        <span data-testid="warning-count">{plural(warnings, 'warning')}</span>
        <span>
          Ln {cursor.line}, Col {cursor.column}
        </span>
        {first && errors > 0 && (
          <button
            type="button"
            className={`link-button ${styles.linkButton}`}
            onClick={() => apiRef.current?.goTo(first.line, first.column)}
          >
            Line {first.line}: {first.message}
          </button>
        )}
        <span className={styles.hint}>Ctrl+M: Tab leaves the editor</span>
        <span className={styles.notice} role="status" aria-live="polite">
          {notice}
        </span>
      </div>
    </section>
  );
}
