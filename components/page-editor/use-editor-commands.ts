'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { SAVE_MESSAGES } from '@/lib/errors';
import { textForView, viewOf } from '@/lib/pages/page-view';
import { pageQueryOptions } from '@/lib/queries/pages';

import { baseVersionOf, type HistoryVersion } from './editor-state';
import { type PageDraft, writeDraft } from './page-draft';
import type { PageEditorContext } from './page-editor-context';
import type { SaveFlow } from './use-save-flow';

export interface EditorCommands {
  /** "Reload latest": theirs in the editor, mine kept aside as a draft on offer. */
  reloadLatest(): Promise<void>;
  restoreDraft(): void;
  /**
   * An old version goes into the editor as an undoable edit, saved as a new version: its stored
   * bytes, shown laid out like any opened page, with the edits made on it.
   */
  loadVersion(version: HistoryVersion): void;
  format(): void;
  validate(): Promise<void>;
  /** Toolbar "Check with Confluence": findings as editor markers, the verdict in the status bar. */
  checkWithConfluence(): Promise<void>;
  /** Closes the dialog and puts the cursor at a place it named. */
  goTo(line: number, column: number): void;
}

/** What the page editor's buttons and banners do to the editor text. */
export function useEditorCommands(
  { page, state, dispatch, apiRef, showText, drafts, trimmedTitle }: PageEditorContext,
  save: Pick<SaveFlow, 'saver' | 'runCheck'>,
): EditorCommands {
  const pageId = page.id;
  const queryClient = useQueryClient();
  const notice = (text: string) => dispatch({ type: 'noticed', notice: text });

  const reloadLatest = async () => {
    const mine: PageDraft = {
      pageId,
      baseVersion: baseVersionOf(state),
      body: apiRef.current?.getValue() ?? state.body,
      asShown: true,
      title: trimmedTitle,
      savedAt: Date.now(),
    };
    if (!writeDraft(mine)) {
      notice(SAVE_MESSAGES.draftNotKept);
      return;
    }
    dispatch({ type: 'reloadStarted' });
    try {
      const fresh = await queryClient.fetchQuery({ ...pageQueryOptions(pageId), staleTime: 0 });
      save.saver.dismissConflict();
      drafts.offerDraft(mine);
      const view = viewOf(fresh.body);
      showText(view.text);
      dispatch({ type: 'reloaded', page: fresh, view });
    } catch (error) {
      dispatch({ type: 'reloadFailed', error });
    }
  };

  const restoreDraft = () => {
    const offer = drafts.offer;
    const api = apiRef.current;
    if (!offer || !api) return;
    const text = textForView(state.view, offer.body, offer.asShown ?? false);
    showText(text);
    dispatch({ type: 'draftRestored', draft: offer, text });
    drafts.clearOffer();
    api.focus();
  };

  const loadVersion = (version: HistoryVersion) => {
    const api = apiRef.current;
    if (!api) {
      dispatch({ type: 'dialogOpened', dialog: null });
      return;
    }
    const view = viewOf(version.body);
    showText(view.text);
    dispatch({ type: 'versionLoaded', version, view });
    requestAnimationFrame(() => api.focus());
  };

  const format = () => {
    const api = apiRef.current;
    if (!api) return;
    const result = api.format();
    notice(result.ok ? 'Formatted.' : (result.reason ?? 'Formatting was refused.'));
    api.focus();
  };

  const validate = async () => {
    const api = apiRef.current;
    if (!api) return;
    const found = await api.focusFirstProblem();
    notice(found ? '' : 'No problems found.');
  };

  const checkWithConfluence = async () => {
    const api = apiRef.current;
    if (!api) return;
    const text = api.getValue();
    notice('Checking with Confluence…');
    const result = await save.runCheck(text);
    // Replaced by a newer run (the save panel's): that one reports.
    if (result === null || result.status === 'running') return;
    if (result.status === 'failed') {
      const { message, requestId } = result.error;
      // "Check with Confluence" again is the retry; the id lets an admin find the failure.
      notice(
        `Could not check with Confluence: ${message}${requestId ? ` (request id ${requestId})` : ''}`,
      );
      return;
    }
    if (apiRef.current !== api || api.getValue() !== text) {
      notice('The text changed during the check: check again.');
      return;
    }
    api.setServerDiagnostics(result.answer.diagnostics);
    dispatch({
      type: 'serverChecked',
      diagnostics: result.answer.diagnostics,
      summary: result.outcome.summary,
    });
  };

  const goTo = useCallback(
    (line: number, column: number) => {
      dispatch({ type: 'dialogOpened', dialog: null });
      // After the dialog has handed focus back, so the cursor lands in the editor.
      requestAnimationFrame(() => apiRef.current?.goTo(line, column));
    },
    [dispatch, apiRef],
  );

  return {
    reloadLatest,
    restoreDraft,
    loadVersion,
    format,
    validate,
    checkWithConfluence,
    goTo,
  };
}
