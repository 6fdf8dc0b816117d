'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  startTransition,
  useCallback,
  useEffect,
  useId,
  useReducer,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';

import { SplitView } from '@/components/editor/split-view';
import type { StorageEditorApi } from '@/components/editor/storage-editor';
import { StorageEditorLoader } from '@/components/editor/storage-editor-loader';
import { PageActions } from '@/components/page-actions/page-actions';
import { PageTreePanel } from '@/components/page-tree/page-tree-panel';
import { useAppTheme } from '@/components/theme/theme-store';
import { AttachmentsPanel } from '@/components/attachments/attachments-panel';
import aroundStyles from '@/components/attachments/around-page.module.css';
import { useAttachmentUploads } from '@/components/attachments/use-attachment-uploads';
import { LabelsPanel } from '@/components/labels/labels-panel';
import { attachmentReference } from '@/lib/attachments/names';
import { registerUnsavedWork } from '@/lib/editor/draft-store';
import { type Page, pageQueryKey, pageQueryOptions } from '@/lib/queries/pages';
import { rememberRecentPage } from '@/lib/queries/recent-pages';
import { useReadOnlyReason } from '@/lib/queries/permissions';
import { useSession } from '@/lib/queries/session';
import { viewOf } from '@/lib/pages/page-view';
import type { Diagnostic } from '@/lib/storage-format/types';

import { baseVersionOf, editorReducer, loaded } from './editor-state';
import { LivePreview } from './live-preview';
import { createLiveValue } from './live-value';
import { PageAlerts } from './page-alerts';
import { PageDialogs } from './page-dialogs';
import type { PageEditorContext } from './page-editor-context';
import styles from './page-editor.module.css';
import { PageHeader } from './page-header';
import { PageOpenStatus } from './page-open-status';
import { PageToolbar } from './page-toolbar';
import { READ_ONLY_SAVE_WHY, ReadOnlyNotice } from './read-only-notice';
import { PageStatusBar } from './status-bar';
import { useTitleCheck, useTitleSuggestion } from './title-field';
import { useConfluenceCheck } from './use-confluence-check';
import { useDrafts } from './use-drafts';
import { useEditorCommands } from './use-editor-commands';
import { useEditorPreferences } from './use-editor-preferences';
import { useSaveFlow } from './use-save-flow';
import { useUnsavedChanges } from './use-unsaved-changes';

/** `/pages/[id]`: loads the page, then hands it to the editor (errors: the server's message). */
export function PageEditor({ id }: { id: string }) {
  // The editor pins its own base version; a background refetch must never move it (DATA-1).
  const queryClient = useQueryClient();
  const query = useQuery({
    ...pageQueryOptions(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (!query.isSuccess) {
    return (
      <PageOpenStatus
        query={query}
        onCancel={() => void queryClient.cancelQueries({ queryKey: pageQueryKey(id) })}
      />
    );
  }
  return <LoadedPageEditor key={query.data.id} page={query.data} />;
}

function LoadedPageEditor({ page }: { page: Page }) {
  const id = page.id;
  const session = useSession();
  const theme = useAppTheme();
  const domId = useId();
  const apiRef = useRef<StorageEditorApi | null>(null);
  const uploads = useAttachmentUploads(page.id, ({ attachment }, file) =>
    apiRef.current?.insertAtCursor(attachmentReference(attachment.title, file.type)),
  );
  const [preferences, choose] = useEditorPreferences();
  // Confluence's editor stores a page on one line: it opens laid out, one block per line, and a
  // save carries the edits back to the stored layout. A page on readable lines opens as stored.
  const [initialView] = useState(() => viewOf(page.body));
  const initialBody = initialView.text;
  const [state, dispatch] = useReducer(editorReducer, undefined, () => loaded(page, initialView));
  const { base, body, title } = state;

  // The text lives twice: `liveBody` for the preview, current on every key, and `state.body` for
  // the rest of the editor (save state, drafts, checks), which may trail by a task.
  const [liveBody] = useState(() => createLiveValue(initialBody));
  // Typing renders the preview at once, in the task of the keystroke, so it shows the key in the
  // same frame as the editor does. Monaco reports text input from an event React does not rank as
  // discrete (EditContext's `textupdate`), which would leave the render to a later task, after the
  // editor has already painted the key. Only the preview subscribes to `liveBody`; the whole
  // editor re-renders in a transition, a later task that a next key may interrupt.
  const onBodyChange = useCallback(
    (text: string) => {
      flushSync(() => liveBody.set(text));
      startTransition(() => dispatch({ type: 'edited', body: text }));
    },
    [liveBody],
  );
  /** Text put into the editor by the app (merge, reload, draft, history): the preview at once. */
  const showText = (text: string) => {
    apiRef.current?.setValue(text);
    liveBody.set(text);
  };
  // The cursor moves on every key: only the status bar's readout subscribes.
  const [liveCursor] = useState(() => createLiveValue({ line: 1, column: 1 }));
  const onDiagnostics = useCallback(
    (diagnostics: Diagnostic[]) => dispatch({ type: 'diagnosed', diagnostics }),
    [],
  );
  const onNotice = useCallback((notice: string) => dispatch({ type: 'noticed', notice }), []);

  const trimmedTitle = title.trim();
  const baseVersion = baseVersionOf(state);
  // Canonical comparison: re-indenting or reordering attributes is not a change.
  const dirty = useUnsavedChanges(
    base,
    { title: trimmedTitle, body },
    base.body === initialView.original ? initialView.text : undefined,
  );

  useEffect(() => {
    rememberRecentPage({ id: page.id, title: page.title, spaceKey: page.spaceKey });
  }, [page.id, page.title, page.spaceKey]);

  // Drafts (DATA-3) and the leave guard (DATA-4); sign-out warns about (and first keeps) unsaved text.
  const drafts = useDrafts(
    { id, body: page.body, shown: initialBody, title: page.title },
    { body, title, baseVersion, dirty },
    apiRef,
  );
  const { keepNow } = drafts;
  useEffect(
    () => (dirty ? registerUnsavedWork({ title: base.title, keep: keepNow }) : undefined),
    [dirty, base.title, keepNow],
  );

  const titleCheck = useTitleCheck(id, page.spaceKey, trimmedTitle, base.title, state.clashedTitle);
  const titleSuggestion = useTitleSuggestion(
    id,
    page.spaceKey,
    trimmedTitle,
    trimmedTitle !== '' && titleCheck.taken,
    state.serverTitleSuggestion,
  );

  const editor: PageEditorContext = {
    page,
    state,
    dispatch,
    apiRef,
    showText,
    drafts,
    trimmedTitle,
  };
  const confluenceCheck = useConfluenceCheck(id, page.spaceKey);
  const readOnlyReason = useReadOnlyReason(id);
  const save = useSaveFlow(editor, {
    titleTaken: titleCheck.taken,
    confluenceCheck,
    displayName: session.data?.session?.displayName,
    readOnly: readOnlyReason !== null,
    saveFormatted: preferences.saveFormatted,
  });
  const { conflict, busy, blockers } = save;
  const commands = useEditorCommands(editor, save);
  const goToInEditor = (line: number, column: number) => apiRef.current?.goTo(line, column);

  return (
    <section className={styles.root} aria-labelledby={`${domId}-heading`}>
      <PageHeader
        page={page}
        base={base}
        headingId={`${domId}-heading`}
        onLeave={drafts.guardLink}
        title={title}
        onTitleChange={(next) => dispatch({ type: 'titleChanged', title: next })}
        titleCheck={titleCheck}
        titleSuggestion={titleSuggestion}
      />
      <PageTreePanel page={{ id, title: base.title }} guardLink={drafts.guardLink} />

      {readOnlyReason && <ReadOnlyNotice id={`${domId}-read-only`} reason={readOnlyReason} />}
      <PageAlerts editor={editor} save={save} commands={commands} onGoTo={goToInEditor} />

      <PageToolbar
        preferences={preferences}
        onPreferencesChange={choose}
        panes={state.panes}
        onTogglePane={(pane) => dispatch({ type: 'paneToggled', pane })}
        onFormat={commands.format}
        onValidate={() => void commands.validate()}
        onCheckWithConfluence={() => void commands.checkWithConfluence()}
        checking={confluenceCheck.check?.status === 'running'}
        onDiff={() =>
          dispatch({
            type: 'dialogOpened',
            dialog: { kind: 'diff', fromSave: false, ...save.snapshot() },
          })
        }
        onRename={() => dispatch({ type: 'dialogOpened', dialog: { kind: 'rename' } })}
        onHistory={() => dispatch({ type: 'dialogOpened', dialog: { kind: 'history' } })}
        onSave={save.openSavePanel}
        saveDisabled={busy || (conflict !== null && !conflict.merge) || readOnlyReason !== null}
        saveWhy={readOnlyReason ? READ_ONLY_SAVE_WHY : dirty ? (blockers[0] ?? null) : null}
        saveDescribedBy={readOnlyReason ? `${domId}-read-only` : undefined}
        pageActions={
          <PageActions
            page={{ id, title: base.title, spaceKey: page.spaceKey, parentId: base.parentId }}
            baseVersion={base.version}
            dirty={dirty}
            keepDraft={drafts.keepNow}
            foldersAllowed={session.data?.session?.flavour === 'cloud'}
            onMoved={(version, parentId) => dispatch({ type: 'moved', version, parentId })}
          />
        }
      />

      <SplitView
        label="Resize editor and preview"
        hideFirst={!state.panes.editor}
        first={
          <StorageEditorLoader
            defaultValue={initialBody}
            path={`page-${id}.storage`}
            ariaLabel={`Storage format source of ${page.title}`}
            onChange={onBodyChange}
            onDiagnostics={onDiagnostics}
            onCursorChange={liveCursor.set}
            onNotice={onNotice}
            theme={theme}
            wordWrap={preferences.wordWrap}
            minimap={preferences.minimap}
            apiRef={apiRef}
            onFiles={uploads.upload}
          />
        }
        second={
          state.panes.preview ? (
            <LivePreview body={liveBody} pageId={id} theme={theme} editorApiRef={apiRef} />
          ) : null
        }
      />

      <div className={aroundStyles.strip}>
        <LabelsPanel pageId={id} />
        <AttachmentsPanel pageId={id} uploads={uploads} />
      </div>

      <PageStatusBar
        diagnostics={state.diagnostics}
        cursor={liveCursor}
        saveState={save.status(dirty, base.version)}
        notice={state.notice}
        onGoTo={goToInEditor}
      />

      <PageDialogs
        editor={editor}
        theme={theme}
        save={save}
        confluenceCheck={confluenceCheck.check}
        commands={commands}
      />
    </section>
  );
}
