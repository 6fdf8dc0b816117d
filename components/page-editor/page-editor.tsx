'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';

import { applyFix, type TranslatedFix } from '@/lib/editor/diagnostic-translation';
import { lineChangeSummary, type LineChangeSummary } from '@/lib/editor/line-diff';
import {
  buildSaveChecks,
  hasUnsavedChanges,
  type SaveProblem,
  saveProblemsOf,
  suggestedTitleOf,
  type VerificationNotice as SaveVerificationNotice,
  verificationNoticeOf,
} from '@/lib/editor/save-checks';
import { type AppError, isAppError, messageFor, SAVE_MESSAGES } from '@/lib/errors';
import { type Page, pageQueryKey, pageQueryOptions } from '@/lib/queries/pages';
import { rememberRecentPage } from '@/lib/queries/recent-pages';
import { versionsQueryOptions } from '@/lib/queries/versions';
import { registerUnsavedWork } from '@/lib/editor/draft-store';
import {
  type EditorPreferences,
  readEditorPreferences,
  writeEditorPreferences,
} from '@/lib/editor/editor-preferences';
import { tryFormatStorage } from '@/lib/storage-format/format';
import { useReadOnlyReason } from '@/lib/queries/permissions';
import { useSession } from '@/lib/queries/session';
import type { Diagnostic } from '@/lib/storage-format/types';

import editorStyles from '@/components/editor/editor.module.css';
import { SplitView } from '@/components/editor/split-view';
import type { StorageEditorApi } from '@/components/editor/storage-editor';
import { StorageEditorLoader } from '@/components/editor/storage-editor-loader';
import { type LoadedVersion, VersionHistory } from '@/components/history/version-history';
import { PageActions } from '@/components/page-actions/page-actions';
import { PageTreePanel } from '@/components/page-tree/page-tree-panel';
import { ErrorAlert } from '@/components/session/error-alert';
import { useAppTheme } from '@/components/theme/theme-store';

import { ConflictView } from './conflict-view';
import { DiffView } from './diff-view';
import { LivePreview } from './live-preview';
import { createLiveValue } from './live-value';
import { deleteDraft, type PageDraft, writeDraft } from './page-draft';
import styles from './page-editor.module.css';
import { ConflictBanner, DraftOfferBanner, RetryBanner } from './save-banners';
import { SaveProblemsAlert, VerificationNotice } from './save-notices';
import { SavePanel } from './save-panel';
import { PageStatusBar } from './status-bar';
import { isMinorEditUnavailable, MinorEditGoneAlert } from './minor-edit-gone';
import { READ_ONLY_SAVE_WHY, ReadOnlyNotice } from './read-only-notice';
import { RenameDialog } from './rename-dialog';
import { TitleField, useTitleCheck, useTitleSuggestion } from './title-field';
import { useConfluenceCheck } from './use-confluence-check';
import { useDrafts } from './use-drafts';
import { type SaveRequest, type SaveResult, usePageSave } from './use-page-save';

/** What the editor is based on: set at load, after a save, and by "Reload latest" only. */
interface Base {
  version: number;
  body: string;
  title: string;
  parentId: string | null;
  when: string;
  by: string;
}

function baseOf(page: Page): Base {
  return {
    version: page.version.number,
    body: page.body,
    title: page.title,
    parentId: page.parentId,
    when: page.version.when,
    by: page.version.by,
  };
}

/** The dialog on top of the editor, with the text it was opened on (the editor is inert meanwhile). */
type View =
  | { kind: 'save'; body: string; lines: LineChangeSummary }
  | { kind: 'diff'; body: string; lines: LineChangeSummary; fromSave: boolean };

function firstDiagnosticOf(error: AppError): { line: number; column: number } | null {
  const details = error.details as { diagnostics?: unknown } | undefined;
  if (!Array.isArray(details?.diagnostics)) return null;
  const first: unknown = details.diagnostics[0];
  if (typeof first !== 'object' || first === null) return null;
  const { line, column } = first as Record<string, unknown>;
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : null;
}

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

/** `/pages/[id]`: loads the page, then hands it to the editor (errors: the server's message). */
export function PageEditor({ id }: { id: string }) {
  // The editor pins its own base version; a background refetch must never move it (DATA-1).
  const query = useQuery({
    ...pageQueryOptions(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (query.isPending) {
    return (
      <p className={styles.loading} role="status">
        Loading the page…
      </p>
    );
  }
  if (query.isError) {
    return (
      <section className="shell" aria-label="Page not opened">
        {isAppError(query.error) ? (
          <ErrorAlert error={query.error} />
        ) : (
          <div className="alert" role="alert">
            {messageFor('internal')}
          </div>
        )}
        <p>
          <Link href="/">Back to Open</Link>
        </p>
      </section>
    );
  }
  return <LoadedPageEditor key={query.data.id} page={query.data} />;
}

function LoadedPageEditor({ page }: { page: Page }) {
  const id = page.id;
  const queryClient = useQueryClient();
  const session = useSession();
  const theme = useAppTheme();
  const domId = useId();

  const apiRef = useRef<StorageEditorApi | null>(null);
  const [base, setBase] = useState<Base>(() => baseOf(page));
  /** Set when a restored draft was based on an older version: saving it must not skip theirs. */
  const [baseOverride, setBaseOverride] = useState<number | null>(null);
  const [preferences, setPreferences] = useState<EditorPreferences>(() =>
    readEditorPreferences(typeof window === 'undefined' ? null : window.localStorage),
  );
  const choose = (change: Partial<EditorPreferences>) => {
    setPreferences((old) => {
      const next = { ...old, ...change };
      writeEditorPreferences(window.localStorage, next);
      return next;
    });
  };
  // Confluence returns a body on one line; opened formatted only on request. The loaded body
  // stays the base, and the canonical comparison makes formatting alone no change (issue #5).
  const [initialBody] = useState(() => {
    if (!preferences.formatOnOpen) return page.body;
    const formatted = tryFormatStorage(page.body);
    return formatted.ok ? formatted.formatted : page.body;
  });
  // The text lives twice: `liveBody` for the preview, current on every key, and `body` for the
  // rest of the editor (save state, drafts, checks), which may trail by a task (issue #5).
  const [liveBody] = useState(() => createLiveValue(initialBody));
  const [body, setBody] = useState(initialBody);
  // Typing renders the preview at once, in the task of the keystroke, so it shows the key in the
  // same frame as the editor does. Monaco reports text input from an event React does not rank as
  // discrete (EditContext's `textupdate`), which would leave the render to a later task, after the
  // editor has already painted the key. Only the preview subscribes to `liveBody`; the whole
  // editor re-renders in a transition, a later task that a next key may interrupt.
  const onBodyChange = useCallback(
    (text: string) => {
      flushSync(() => liveBody.set(text));
      startTransition(() => setBody(text));
    },
    [liveBody],
  );
  /** Text put into the editor by the app (merge, reload, draft, history): everywhere at once. */
  const replaceBody = useCallback(
    (text: string) => {
      liveBody.set(text);
      setBody(text);
    },
    [liveBody],
  );
  const [showEditor, setShowEditor] = useState(true);
  const [title, setTitle] = useState(page.title);
  const [renaming, setRenaming] = useState(false);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  // The cursor moves on every key: only the status bar's readout subscribes.
  const [liveCursor] = useState(() => createLiveValue({ line: 1, column: 1 }));
  const [notice, setNotice] = useState('');
  const [showPreview, setShowPreview] = useState(true);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [clashedTitle, setClashedTitle] = useState<string | null>(null);
  const [view, setView] = useState<View | null>(null);
  // The version comment and minor flag outlive the panel (Review diff, retries, merges).
  const [message, setMessage] = useState('');
  const [minorEdit, setMinorEdit] = useState(false);
  // Page history: the list, or one old version compared with the editor text (back to the list after).
  const [history, setHistory] = useState<
    { kind: 'list' } | { kind: 'compare'; version: LoadedVersion; text: string } | null
  >(null);

  // Issue #7: what Confluence says after a save, a refusal translated with its fixes, the free
  // title the server found with a title clash, and the dry run's findings shown in the editor.
  const [verification, setVerification] = useState<SaveVerificationNotice | null>(null);
  const [saveProblems, setSaveProblems] = useState<{
    body: string;
    problems: SaveProblem[];
  } | null>(null);
  const [serverTitleSuggestion, setServerTitleSuggestion] = useState<{
    title: string;
    suggestion: string;
  } | null>(null);
  /** The dry run's findings last handed to the editor (it drops them on the next edit). */
  const [serverDiagnostics, setServerDiagnostics] = useState<readonly Diagnostic[]>([]);
  const confluenceCheck = useConfluenceCheck(id, page.spaceKey);
  /** Set once the site refused the dry run itself: the save panel stops asking for it. */
  const [checkUnavailable, setCheckUnavailable] = useState(false);

  const trimmedTitle = title.trim();
  const baseVersion = baseOverride ?? base.version;
  // Canonical comparison (issue #7): re-indenting or reordering attributes is not a change. It
  // parses both bodies: typing reaches `body` in a transition already, and the deferred value keeps
  // the app's own replacements (draft, reload, history) and title edits from waiting for it.
  const deferredBody = useDeferredValue(body);
  const dirty = useMemo(
    () =>
      hasUnsavedChanges(
        { title: base.title, body: base.body },
        { title: trimmedTitle, body: deferredBody },
      ),
    [base.title, base.body, trimmedTitle, deferredBody],
  );

  useEffect(() => {
    rememberRecentPage({ id: page.id, title: page.title, spaceKey: page.spaceKey });
  }, [page.id, page.title, page.spaceKey]);

  // --- Drafts (DATA-3) and the leave guard (DATA-4). ---
  const drafts = useDrafts(page, { body, title, baseVersion, dirty }, apiRef);
  // Sign-out warns about (and first keeps) unsaved text (issue #5).
  const { keepNow } = drafts;
  useEffect(
    () => (dirty ? registerUnsavedWork({ title: base.title, keep: keepNow }) : undefined),
    [dirty, base.title, keepNow],
  );

  // --- Title check. ---
  const titleCheck = useTitleCheck(id, page.spaceKey, trimmedTitle, base.title, clashedTitle);
  const titleSuggestion = useTitleSuggestion(
    id,
    page.spaceKey,
    trimmedTitle,
    trimmedTitle !== '' && titleCheck.taken,
    serverTitleSuggestion,
  );

  // --- Save (DATA-1, DATA-7): 429 countdown and 409 merge live in usePageSave. ---
  const onSaved = (result: SaveResult, request: SaveRequest) => {
    const when = new Date().toISOString();
    const by = session.data?.session?.displayName ?? base.by;
    setBase((old) => ({
      ...old,
      version: result.version,
      body: request.body,
      title: request.title,
      when,
      by,
    }));
    queryClient.setQueryData<Page>(pageQueryKey(id), (old) =>
      old
        ? {
            ...old,
            title: request.title,
            body: request.body,
            version: {
              ...old.version,
              number: result.version,
              when,
              by,
              message: request.message.trim(),
              minorEdit: request.minorEdit,
            },
          }
        : old,
    );
    if (request.fromMerge) {
      // The merge result is what was saved: the editor shows it (mine was part of the merge).
      apiRef.current?.setValue(request.body);
      replaceBody(request.body);
      setTitle(request.title);
    }
    setBaseOverride(null);
    setClashedTitle(null);
    setMessage('');
    setMinorEdit(false);
    deleteDraft(id);
    setNotice(`Saved version ${result.version}`);
    setVerification(verificationNoticeOf(result.verification, result.version));
    void queryClient.invalidateQueries({ queryKey: versionsQueryOptions(id).queryKey });
    rememberRecentPage({ id, title: request.title, spaceKey: page.spaceKey });
  };

  const onFailed = (error: unknown, request: SaveRequest, handledByFlow: boolean) => {
    // The text stays in the editor; keep a draft too (a sign-in redirect may follow).
    if (request.fromMerge) drafts.keepNow();
    else
      writeDraft({
        pageId: id,
        baseVersion: request.baseVersion,
        body: request.body,
        title: request.title,
        savedAt: Date.now(),
      });
    if (handledByFlow) return;
    if (!isAppError(error)) {
      setSaveError(null);
      setNotice(messageFor('internal'));
      return;
    }
    if (error.code === 'title_clash') {
      setClashedTitle(request.title);
      const suggestion = suggestedTitleOf(error.details);
      setServerTitleSuggestion(suggestion ? { title: request.title, suggestion } : null);
      return;
    }
    if (error.code === 'invalid_storage') {
      const problems = saveProblemsOf(error.details, request.body);
      if (problems.length > 0) {
        setSaveProblems({ body: request.body, problems });
      } else setSaveError(error);
      const first = firstDiagnosticOf(error);
      if (first) apiRef.current?.goTo(first.line, first.column);
      return;
    }
    setSaveError(error);
  };

  const saver = usePageSave({ pageId: id, parentId: base.parentId, onSaved, onFailed });
  const { phase } = saver;
  const conflict = phase.kind === 'conflict' ? phase : null;
  const busy = phase.kind === 'saving' || phase.kind === 'waiting';

  const blockers = [
    drafts.offer ? SAVE_MESSAGES.draftOnOffer : null,
    trimmedTitle === '' ? SAVE_MESSAGES.titleRequired : null,
    trimmedTitle !== '' && titleCheck.taken
      ? SAVE_MESSAGES.titleClash(trimmedTitle, page.spaceKey)
      : null,
  ].filter((reason): reason is string => reason !== null);

  const readOnlyReason = useReadOnlyReason(id);

  const snapshot = () => {
    const text = apiRef.current?.getValue() ?? body;
    return { body: text, lines: lineChangeSummary(base.body, text) };
  };

  const openSavePanel = () => {
    if (busy || readOnlyReason) return;
    if (conflict?.merge) {
      saver.openConflictView();
      return;
    }
    if (conflict) return;
    const now = snapshot();
    setView({ kind: 'save', ...now });
    // Confluence's dry run in the background while the panel is open (warnings are shown, only
    // its parse error blocks); not for a body the engine already refuses or that changes nothing.
    const local = diagnostics.filter((d) => !serverDiagnostics.includes(d));
    const worthChecking =
      !checkUnavailable &&
      !local.some((d) => d.severity === 'error') &&
      hasUnsavedChanges(base, { title: trimmedTitle, body: now.body }) &&
      !(confluenceCheck.check?.status === 'done' && confluenceCheck.check.body === now.body);
    if (worthChecking) void runCheck(now.body);
  };

  const runCheck = async (text: string) => {
    const result = await confluenceCheck.run(text);
    if (
      result?.status === 'failed' &&
      (result.error.code === 'page_gone' || result.error.code === 'confluence_forbidden')
    ) {
      setCheckUnavailable(true);
    }
    return result;
  };

  /** Toolbar "Check with Confluence": findings as editor markers, the verdict in the status bar. */
  const onCheckWithConfluence = async () => {
    const api = apiRef.current;
    if (!api) return;
    const text = api.getValue();
    setNotice('Checking with Confluence…');
    const result = await runCheck(text);
    // Replaced by a newer run (the save panel's): that one reports.
    if (result === null || result.status === 'running') return;
    if (result.status === 'failed') {
      setNotice(`Could not check with Confluence: ${result.error.message}`);
      return;
    }
    if (apiRef.current !== api || api.getValue() !== text) {
      setNotice('The text changed during the check: check again.');
      return;
    }
    setServerDiagnostics(result.answer.diagnostics);
    api.setServerDiagnostics(result.answer.diagnostics);
    setNotice(result.outcome.summary);
  };

  /** A one-click fix from the translator, applied through the editor (so Ctrl+Z undoes it). */
  const applyTranslatedFix = (source: string, fix: TranslatedFix): boolean => {
    const api = apiRef.current;
    if (!api || api.getValue() !== source) return false;
    api.setValue(applyFix(source, fix));
    setNotice(`Fixed: ${fix.title}`);
    return true;
  };
  const fixInPanel = (fix: TranslatedFix) => {
    if (view?.kind !== 'save') return;
    if (applyTranslatedFix(view.body, fix)) setView({ kind: 'save', ...snapshot() });
  };
  const fixRefusedSave = (fix: TranslatedFix) => {
    if (!saveProblems) return;
    if (applyTranslatedFix(saveProblems.body, fix)) {
      setSaveProblems(null);
      requestAnimationFrame(() => apiRef.current?.focus());
    }
  };

  const submitSave = () => {
    if (view?.kind !== 'save') return;
    setView(null);
    setSaveError(null);
    setSaveProblems(null);
    setVerification(null);
    setNotice('');
    saver.save({
      baseVersion,
      title: trimmedTitle,
      body: view.body,
      message,
      minorEdit,
      // A draft restored from an older version: its base body is fetched if a merge needs it.
      base: { title: base.title, body: baseOverride === null ? base.body : null },
      fromMerge: false,
    });
  };

  // Ctrl/Cmd+S anywhere on the page (capture: before Monaco or the browser's own "Save as").
  // Inside a dialog the dialog handles it (the save panel saves).
  const shortcutRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    shortcutRef.current = () => {
      if (view === null && !conflict?.open) openSavePanel();
    };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return;
      event.preventDefault();
      shortcutRef.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // --- "Reload latest": theirs in the editor, mine kept aside as a draft on offer. ---
  const [reloading, setReloading] = useState(false);
  const reloadLatest = async () => {
    const mine: PageDraft = {
      pageId: id,
      baseVersion,
      body: apiRef.current?.getValue() ?? body,
      title: trimmedTitle,
      savedAt: Date.now(),
    };
    if (!writeDraft(mine)) {
      setNotice(SAVE_MESSAGES.draftNotKept);
      return;
    }
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...pageQueryOptions(id), staleTime: 0 });
      setBase(baseOf(fresh));
      setBaseOverride(null);
      saver.dismissConflict();
      setClashedTitle(null);
      drafts.offerDraft(mine);
      setTitle(fresh.title);
      apiRef.current?.setValue(fresh.body);
      replaceBody(fresh.body);
    } catch (error) {
      setSaveError(isAppError(error) ? error : null);
    } finally {
      setReloading(false);
    }
  };

  // --- Draft offer. ---
  const restoreDraft = () => {
    const offer = drafts.offer;
    const api = apiRef.current;
    if (!offer || !api) return;
    api.setValue(offer.body);
    replaceBody(offer.body);
    setTitle(offer.title);
    // Text written on an older version is saved against that version: a conflict, not an overwrite.
    setBaseOverride(offer.baseVersion < base.version ? offer.baseVersion : null);
    drafts.clearOffer();
    api.focus();
  };

  // --- History: an old version goes into the editor as an undoable edit, saved as a new version. ---
  const loadVersion = (version: LoadedVersion) => {
    setHistory(null);
    const api = apiRef.current;
    if (!api) return;
    api.setValue(version.body);
    replaceBody(version.body);
    setNotice(`Version ${version.number} is in the editor: save to make it the newest version.`);
    requestAnimationFrame(() => api.focus());
  };

  const onFormat = () => {
    const api = apiRef.current;
    if (!api) return;
    const result = api.format();
    setNotice(result.ok ? 'Formatted.' : (result.reason ?? 'Formatting was refused.'));
    api.focus();
  };
  const onValidate = async () => {
    const api = apiRef.current;
    if (!api) return;
    const found = await api.focusFirstProblem();
    setNotice(found ? '' : 'No problems found.');
  };
  const goTo = useCallback((line: number, column: number) => {
    setView(null);
    // After the dialog has handed focus back, so the cursor lands in the editor.
    requestAnimationFrame(() => apiRef.current?.goTo(line, column));
  }, []);

  const saveState =
    phase.kind === 'saving'
      ? 'Saving…'
      : phase.kind === 'waiting'
        ? 'Waiting to retry'
        : conflict
          ? 'Conflict'
          : dirty
            ? 'Unsaved changes'
            : `Saved v${base.version}`;
  const titleChange = trimmedTitle !== base.title ? { from: base.title, to: trimmedTitle } : null;
  const savingBody = view?.kind === 'save' ? view.body : null;
  const saveChecks = useMemo(
    () =>
      savingBody === null
        ? null
        : buildSaveChecks(
            { title: base.title, body: base.body },
            { title: trimmedTitle, body: savingBody },
          ),
    [savingBody, base.title, base.body, trimmedTitle],
  );

  return (
    <section className={styles.root} aria-labelledby={`${domId}-heading`}>
      <header className={styles.header}>
        <nav aria-label="Breadcrumb">
          <ol className={styles.breadcrumb}>
            <li>{page.spaceKey}</li>
            {page.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link href={`/pages/${encodeURIComponent(ancestor.id)}`} onClick={drafts.guardLink}>
                  {ancestor.title}
                </Link>
              </li>
            ))}
            <li aria-current="page">{base.title}</li>
          </ol>
        </nav>
        <div className={styles.headingRow}>
          <h1 id={`${domId}-heading`} className={styles.heading}>
            {base.title}
          </h1>
          <p className={styles.version}>
            Version {base.version} by {base.by}
          </p>
        </div>
        <TitleField
          value={title}
          onChange={setTitle}
          check={titleCheck}
          suggestion={titleSuggestion}
        />
      </header>
      <PageTreePanel page={{ id, title: base.title }} guardLink={drafts.guardLink} />

      {readOnlyReason && <ReadOnlyNotice id={`${domId}-read-only`} reason={readOnlyReason} />}
      {drafts.offer && (
        <DraftOfferBanner
          offer={drafts.offer}
          onRestore={restoreDraft}
          onDiscard={drafts.discard}
        />
      )}
      {phase.kind === 'waiting' && (
        <RetryBanner secondsLeft={saver.secondsLeft} onCancel={saver.cancelRetry} />
      )}
      {conflict && (
        <ConflictBanner
          conflict={conflict}
          busy={busy}
          reloading={reloading}
          onOpen={saver.openConflictView}
          onOverwrite={saver.overwrite}
          onReload={() => void reloadLatest()}
        />
      )}
      {saveError && isMinorEditUnavailable(saveError) ? (
        <MinorEditGoneAlert
          error={saveError}
          onSaveNormally={() => {
            setMinorEdit(false);
            setSaveError(null);
            openSavePanel();
          }}
        />
      ) : (
        saveError && <ErrorAlert error={saveError} />
      )}
      {saveProblems && (
        <SaveProblemsAlert
          problems={saveProblems.problems}
          fixesApply={body === saveProblems.body}
          onFix={fixRefusedSave}
          onGoTo={(line, column) => apiRef.current?.goTo(line, column)}
        />
      )}
      {verification && (
        <VerificationNotice notice={verification} onDismiss={() => setVerification(null)} />
      )}

      <div className={editorStyles.toolbar} role="toolbar" aria-label="Page tools">
        <button type="button" onClick={onFormat}>
          Format
        </button>
        <button type="button" onClick={() => void onValidate()}>
          Validate
        </button>
        <button
          type="button"
          onClick={() => void onCheckWithConfluence()}
          disabled={confluenceCheck.check?.status === 'running'}
        >
          Check with Confluence
        </button>
        <button
          type="button"
          aria-pressed={showEditor}
          disabled={showEditor && !showPreview}
          onClick={() => setShowEditor((v) => !v)}
        >
          Editor
        </button>
        <button
          type="button"
          aria-pressed={showPreview}
          disabled={showPreview && !showEditor}
          onClick={() => setShowPreview((v) => !v)}
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
        <button
          type="button"
          onClick={() => setView({ kind: 'diff', fromSave: false, ...snapshot() })}
        >
          Diff
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setHistory({ kind: 'list' })}>
          History
        </button>
        <PageActions
          page={{ id, title: base.title, spaceKey: page.spaceKey, parentId: base.parentId }}
          baseVersion={base.version}
          dirty={dirty}
          keepDraft={drafts.keepNow}
          foldersAllowed={session.data?.session?.flavour === 'cloud'}
          onMoved={(version, parentId) => {
            setBase((old) => ({ ...old, version, parentId }));
            setNotice(`Moved: the page is now at version ${version}`);
          }}
        />
        <span className={editorStyles.separatorGroup} aria-hidden="true" />
        <button
          type="button"
          className={styles.saveButton}
          onClick={openSavePanel}
          disabled={busy || (conflict !== null && !conflict.merge) || readOnlyReason !== null}
          aria-describedby={readOnlyReason ? `${domId}-read-only` : undefined}
          aria-haspopup="dialog"
          aria-keyshortcuts="Control+S Meta+S"
        >
          Save
        </button>
        {readOnlyReason ? (
          <span className={styles.saveWhy}>{READ_ONLY_SAVE_WHY}</span>
        ) : (
          dirty && blockers[0] && <span className={styles.saveWhy}>{blockers[0]}</span>
        )}
      </div>

      <SplitView
        label="Resize editor and preview"
        hideFirst={!showEditor}
        first={
          <StorageEditorLoader
            defaultValue={initialBody}
            path={`page-${id}.storage`}
            ariaLabel={`Storage format source of ${page.title}`}
            onChange={onBodyChange}
            onDiagnostics={setDiagnostics}
            onCursorChange={liveCursor.set}
            onNotice={setNotice}
            theme={theme}
            wordWrap={preferences.wordWrap}
            minimap={preferences.minimap}
            apiRef={apiRef}
          />
        }
        second={
          showPreview ? (
            <LivePreview body={liveBody} pageId={id} theme={theme} editorApiRef={apiRef} />
          ) : null
        }
      />

      <PageStatusBar
        diagnostics={diagnostics}
        cursor={liveCursor}
        saveState={saveState}
        notice={notice}
        onGoTo={(line, column) => apiRef.current?.goTo(line, column)}
      />

      {view?.kind === 'save' && (
        <SavePanel
          baseVersion={baseVersion}
          titleChange={titleChange}
          lines={view.lines}
          unchanged={saveChecks?.noChanges ?? false}
          blockers={blockers}
          diagnostics={diagnostics.filter((d) => !serverDiagnostics.includes(d))}
          body={view.body}
          onFix={fixInPanel}
          removals={saveChecks?.removals ?? { groups: [], total: 0, summary: null }}
          confluenceCheck={confluenceCheck.check?.body === view.body ? confluenceCheck.check : null}
          message={message}
          onMessageChange={setMessage}
          minorEdit={minorEdit}
          onMinorEditChange={setMinorEdit}
          onSave={submitSave}
          onReviewDiff={() => setView({ ...view, kind: 'diff', fromSave: true })}
          onGoTo={goTo}
          onClose={() => setView(null)}
        />
      )}
      {view?.kind === 'diff' && (
        <DiffView
          heading={`Changes since version ${base.version}`}
          original={base.body}
          modified={view.body}
          originalLabel={`Version ${base.version}`}
          modifiedLabel="Your text"
          theme={theme}
          onClose={() =>
            setView(view.fromSave ? { kind: 'save', body: view.body, lines: view.lines } : null)
          }
        />
      )}
      {renaming && (
        <RenameDialog
          pageId={id}
          spaceKey={page.spaceKey}
          savedTitle={base.title}
          currentTitle={title}
          clashedTitle={clashedTitle}
          onRename={(next) => {
            setTitle(next);
            setRenaming(false);
            setNotice(`Renamed to “${next}”: save to apply it.`);
          }}
          onClose={() => setRenaming(false)}
        />
      )}
      {history?.kind === 'list' && (
        <VersionHistory
          pageId={id}
          currentVersion={base.version}
          onCompare={(version) =>
            setHistory({ kind: 'compare', version, text: apiRef.current?.getValue() ?? body })
          }
          onLoad={loadVersion}
          onClose={() => setHistory(null)}
        />
      )}
      {history?.kind === 'compare' && (
        <DiffView
          heading={`Version ${history.version.number} compared with your text`}
          original={history.version.body}
          modified={history.text}
          originalLabel={`Version ${history.version.number}`}
          modifiedLabel="Your text"
          theme={theme}
          onClose={() => setHistory({ kind: 'list' })}
        />
      )}
      {conflict?.open && conflict.merge && (
        <ConflictView
          theirs={conflict.merge.theirs}
          mine={{ title: conflict.request.title, body: conflict.request.body }}
          outcome={conflict.merge.outcome}
          resumed={conflict.result}
          theme={theme}
          saving={busy}
          onSave={saver.saveResolution}
          onClose={saver.closeConflictView}
        />
      )}
    </section>
  );
}
