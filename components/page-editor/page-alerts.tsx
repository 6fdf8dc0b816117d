'use client';

import { useEffect, useState } from 'react';

import { ErrorAlert } from '@/components/ui/error-alert';
import { WaitingForConfluence } from '@/components/ui/waiting-for-confluence';

import { readDraft } from './page-draft';
import { isMinorEditUnavailable, MinorEditGoneAlert } from './minor-edit-gone';
import type { PageEditorContext } from './page-editor-context';
import { ConflictBanner, DraftOfferBanner, RetryBanner } from './save-banners';
import { SaveProblemsAlert, StoppedSaveNotice, VerificationNotice } from './save-notices';
import type { EditorCommands } from './use-editor-commands';
import type { SaveFlow } from './use-save-flow';

export interface PageAlertsProps {
  editor: PageEditorContext;
  save: SaveFlow;
  commands: Pick<EditorCommands, 'restoreDraft' | 'reloadLatest'>;
  onGoTo: (line: number, column: number) => void;
}

/**
 * What the editor says above the text: a draft on offer, a save in progress (with Cancel), a
 * retry countdown, a conflict, a failed, stopped or refused save, and Confluence's verdict after
 * a save.
 */
export function PageAlerts({ editor, save, commands, onGoTo }: PageAlertsProps) {
  const { page, state, dispatch, drafts } = editor;
  const { saver, conflict } = save;
  const stopped = saver.phase.kind === 'stopped' ? saver.phase : null;
  const stoppedUnsaved = stopped !== null && stopped.outcome.kind !== 'saved';
  const textKept = useTextKeptAfterFailure(
    state.saveError !== null || stoppedUnsaved,
    drafts.keepNow,
    page.id,
  );
  return (
    <>
      {drafts.offer && (
        <DraftOfferBanner
          offer={drafts.offer}
          onRestore={commands.restoreDraft}
          onDiscard={drafts.discard}
        />
      )}
      {saver.phase.kind === 'saving' && (
        <WaitingForConfluence what="Saving" onCancel={saver.cancelSave} />
      )}
      {saver.phase.kind === 'checking' && (
        <WaitingForConfluence what="Cancelled; checking whether the save reached Confluence" />
      )}
      {/* "Saved after all" speaks of the text as saved: once it changes, it goes (as verification). */}
      {stopped && (stoppedUnsaved || state.body === stopped.request.body) && (
        <StoppedSaveNotice
          outcome={stopped.outcome}
          baseVersion={stopped.request.baseVersion}
          draftKept={textKept}
          onSaveAgain={save.retrySave}
          onDismiss={saver.dismissStopped}
        />
      )}
      {saver.phase.kind === 'waiting' && (
        <RetryBanner secondsLeft={saver.secondsLeft} onCancel={saver.cancelRetry} />
      )}
      {conflict && (
        <ConflictBanner
          conflict={conflict}
          busy={save.busy}
          reloading={state.reloading}
          onOpen={saver.openConflictView}
          onOverwrite={saver.overwrite}
          onReload={() => void commands.reloadLatest()}
        />
      )}
      {state.saveError && isMinorEditUnavailable(state.saveError) ? (
        <MinorEditGoneAlert
          error={state.saveError}
          onSaveNormally={() => {
            dispatch({ type: 'minorEditChanged', minorEdit: false });
            dispatch({ type: 'saveErrorDismissed' });
            save.openSavePanel();
          }}
        />
      ) : (
        state.saveError && (
          <ErrorAlert error={state.saveError} onRetry={save.retrySave}>
            {textKept ? TEXT_KEPT : null}
          </ErrorAlert>
        )
      )}
      {state.saveProblems && (
        <SaveProblemsAlert
          problems={state.saveProblems.problems}
          fixesApply={state.body === state.saveProblems.body}
          onFix={save.fixRefusedSave}
          onGoTo={onGoTo}
        />
      )}
      {state.verification && (
        <VerificationNotice
          notice={state.verification}
          onDismiss={() => dispatch({ type: 'verificationDismissed' })}
        />
      )}
    </>
  );
}

const TEXT_KEPT = 'Your text is safe: it is kept in this browser as a local draft.';

/**
 * Whether the text is stored as a local draft once a save has failed: written at once (not the
 * usual moment later), then read back, so "your text is safe" is only said when it is true.
 */
function useTextKeptAfterFailure(failed: boolean, keepNow: () => void, pageId: string): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!failed) return;
    keepNow();
    const stored = readDraft(pageId) !== null;
    // The draft store lives outside React: read back after writing, once per failure.
    queueMicrotask(() => setKept(stored));
    return () => setKept(false);
  }, [failed, keepNow, pageId]);
  return failed && kept;
}
