'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { lineChangeSummary } from '@/lib/editor/line-diff';
import { hasUnsavedChanges } from '@/lib/editor/save-checks';
import { applyFix, type TranslatedFix } from '@/lib/editor/diagnostic-translation';
import { isAppError, SAVE_MESSAGES } from '@/lib/errors';
import { type Page, pageQueryKey } from '@/lib/queries/pages';
import { rememberRecentPage } from '@/lib/queries/recent-pages';
import { versionsQueryOptions } from '@/lib/queries/versions';
import { bodyToSend, mergedBodyToSend, viewOf } from '@/lib/pages/page-view';

import { baseVersionOf, baseViewTextOf, type Snapshot } from './editor-state';
import { deleteDraft, writeDraft } from './page-draft';
import type { PageEditorContext } from './page-editor-context';
import type { ConfluenceCheck, ConfluenceCheckRunner } from './use-confluence-check';
import {
  type ConflictState,
  type PageSave,
  type SaveRequest,
  type SaveResult,
  usePageSave,
} from './use-page-save';

export interface SaveFlowInput {
  /** Another page in the space has the title being edited. */
  titleTaken: boolean;
  confluenceCheck: ConfluenceCheckRunner;
  /** Who is signed in, for the "Version n by …" line after a save. */
  displayName: string | undefined;
  /** Confluence will not take a save from this user: the save panel does not open. */
  readOnly: boolean;
  /** "Save formatted": a save sends the text as shown, not carried back to the stored layout. */
  saveFormatted: boolean;
}

export interface SaveFlow {
  saver: PageSave;
  conflict: ConflictState | null;
  /** A save is on the wire, waiting to be retried, or being checked after Cancel. */
  busy: boolean;
  /** The status bar's word on saving: a save in progress, a conflict, or whether the text is saved. */
  status(dirty: boolean, savedVersion: number): string;
  /** Why saving is refused before anything is sent (empty when it is not). */
  blockers: string[];
  /** The editor's text now, the body a save would send for it, its line changes against the base. */
  snapshot(): Snapshot;
  openSavePanel(): void;
  /** Confluence's dry run of `text`; a site that refuses the dry run itself is not asked again. */
  runCheck(text: string): Promise<ConfluenceCheck | null>;
  submitSave(): void;
  /**
   * "Try again" on a failed save, "Save again" on a stopped one: the same save at once (body,
   * title, comment, minor flag, expected version) while the editor still holds that text; the
   * save panel when the text changed since.
   */
  retrySave(): void;
  /** Saves the merge view's result (text in the merge's layout) on their version. */
  saveMerged(text: string, title: string): void;
  /** A fix offered in the save panel, applied to the text the panel was opened on. */
  fixInPanel(fix: TranslatedFix): void;
  /** A fix offered with a refused save, applied to the text that was sent. */
  fixRefusedSave(fix: TranslatedFix): void;
}

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

/**
 * The page editor's side of saving (DATA-1, DATA-7; the network side, 429 countdown and 409
 * merge live in usePageSave): the save panel and its dry run, the refusals and their fixes,
 * what a save changes in the editor, and Ctrl/Cmd+S.
 */
export function useSaveFlow(
  { page, state, dispatch, apiRef, showText, drafts, trimmedTitle }: PageEditorContext,
  { titleTaken, confluenceCheck, displayName, readOnly, saveFormatted }: SaveFlowInput,
): SaveFlow {
  const id = page.id;
  const queryClient = useQueryClient();
  const { base, dialog } = state;
  const baseVersion = baseVersionOf(state);

  const onSaved = (result: SaveResult, request: SaveRequest) => {
    const when = new Date().toISOString();
    const by = displayName ?? base.by;
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
    const view = viewOf(request.body);
    if (request.fromMerge) showText(view.text);
    dispatch({ type: 'saved', result, request, when, by, view });
    deleteDraft(id);
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
        body: request.text,
        asShown: true,
        title: request.title,
        savedAt: Date.now(),
      });
    if (handledByFlow) return;
    dispatch({ type: 'saveFailed', error, request });
    const first = isAppError(error, 'invalid_storage') ? error.details?.diagnostics[0] : undefined;
    if (first) apiRef.current?.goTo(first.line, first.column);
  };

  const saver = usePageSave({ pageId: id, parentId: base.parentId, onSaved, onFailed });
  const { phase } = saver;
  const conflict = phase.kind === 'conflict' ? phase : null;
  const busy = phase.kind === 'saving' || phase.kind === 'waiting' || phase.kind === 'checking';

  const blockers = [
    drafts.offer ? SAVE_MESSAGES.draftOnOffer : null,
    trimmedTitle === '' ? SAVE_MESSAGES.titleRequired : null,
    trimmedTitle !== '' && titleTaken
      ? SAVE_MESSAGES.titleClash(trimmedTitle, page.spaceKey)
      : null,
  ].filter((reason): reason is string => reason !== null);

  const snapshot = (): Snapshot => {
    const text = apiRef.current?.getValue() ?? state.body;
    return {
      body: bodyToSend(state.view, text, saveFormatted),
      text,
      lines: lineChangeSummary(baseViewTextOf(state), text),
    };
  };

  const runCheck = async (text: string) => {
    const result = await confluenceCheck.run(text);
    if (
      result?.status === 'failed' &&
      (result.error.code === 'page_gone' || result.error.code === 'confluence_forbidden')
    ) {
      dispatch({ type: 'checkUnavailable' });
    }
    return result;
  };

  const openSavePanel = () => {
    if (busy || readOnly) return;
    if (conflict?.merge) {
      saver.openConflictView();
      return;
    }
    if (conflict) return;
    const now = snapshot();
    dispatch({ type: 'dialogOpened', dialog: { kind: 'save', ...now } });
    // Confluence's dry run in the background while the panel is open (warnings are shown, only
    // its parse error blocks); not for a body the engine already refuses or that changes nothing.
    // It checks the text as shown, so its findings point into the editor; the body sent differs
    // only in whitespace between blocks, which Confluence ignores.
    const local = state.diagnostics.filter((d) => !state.serverDiagnostics.includes(d));
    const worthChecking =
      !state.checkUnavailable &&
      !local.some((d) => d.severity === 'error') &&
      hasUnsavedChanges(base, { title: trimmedTitle, body: now.body }) &&
      !(confluenceCheck.check?.status === 'done' && confluenceCheck.check.body === now.text);
    if (worthChecking) void runCheck(now.text);
  };

  /** A one-click fix from the translator, applied through the editor (so Ctrl+Z undoes it). */
  const applyTranslatedFix = (source: string, fix: TranslatedFix): boolean => {
    const api = apiRef.current;
    if (!api || api.getValue() !== source) return false;
    api.setValue(applyFix(source, fix));
    dispatch({ type: 'noticed', notice: `Fixed: ${fix.title}` });
    return true;
  };
  const fixInPanel = (fix: TranslatedFix) => {
    if (dialog?.kind !== 'save') return;
    if (applyTranslatedFix(dialog.text, fix)) {
      dispatch({ type: 'dialogOpened', dialog: { kind: 'save', ...snapshot() } });
    }
  };
  const fixRefusedSave = (fix: TranslatedFix) => {
    const refused = state.saveProblems;
    if (!refused) return;
    if (applyTranslatedFix(refused.body, fix)) {
      dispatch({ type: 'refusalFixed' });
      requestAnimationFrame(() => apiRef.current?.focus());
    }
  };

  const submitSave = () => {
    if (dialog?.kind !== 'save') return;
    dispatch({ type: 'saveStarted' });
    saver.save({
      baseVersion,
      title: trimmedTitle,
      body: dialog.body,
      text: dialog.text,
      message: state.message,
      minorEdit: state.minorEdit,
      // A draft restored from an older version: its base body is fetched if a merge needs it.
      base: { title: base.title, body: state.baseOverride === null ? base.body : null },
      fromMerge: false,
    });
  };

  const retrySave = () => {
    const last =
      phase.kind === 'failed' || (phase.kind === 'stopped' && phase.outcome.kind !== 'saved')
        ? phase.request
        : null;
    const unchanged =
      last !== null &&
      !last.fromMerge &&
      last.title === trimmedTitle &&
      last.body === snapshot().body;
    if (!unchanged) {
      dispatch({ type: 'saveErrorDismissed' });
      openSavePanel();
      return;
    }
    dispatch({ type: 'saveStarted' });
    saver.retry();
  };

  const saveMerged = (text: string, title: string) => {
    if (!conflict?.merge) return;
    const { theirs, outcome } = conflict.merge;
    const body = mergedBodyToSend(theirs.body, text, outcome.formatted, saveFormatted);
    saver.saveResolution(body, title, text);
  };

  // Ctrl/Cmd+S anywhere on the page (capture: before Monaco or the browser's own "Save as").
  // Inside a dialog the dialog handles it (the save panel saves).
  const shortcutRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    shortcutRef.current = () => {
      if (dialog === null && !conflict?.open) openSavePanel();
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

  const status = (dirty: boolean, savedVersion: number) =>
    phase.kind === 'saving'
      ? 'Saving…'
      : phase.kind === 'waiting'
        ? 'Waiting to retry'
        : phase.kind === 'checking'
          ? 'Checking the save…'
          : conflict
            ? 'Conflict'
            : dirty
              ? 'Unsaved changes'
              : `Saved v${savedVersion}`;

  return {
    saver,
    conflict,
    busy,
    status,
    blockers,
    snapshot,
    openSavePanel,
    runCheck,
    submitSave,
    retrySave,
    saveMerged,
    fixInPanel,
    fixRefusedSave,
  };
}
