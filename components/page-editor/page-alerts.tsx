'use client';

import { ErrorAlert } from '@/components/ui/error-alert';

import { isMinorEditUnavailable, MinorEditGoneAlert } from './minor-edit-gone';
import type { PageEditorContext } from './page-editor-context';
import { ConflictBanner, DraftOfferBanner, RetryBanner } from './save-banners';
import { SaveProblemsAlert, VerificationNotice } from './save-notices';
import type { EditorCommands } from './use-editor-commands';
import type { SaveFlow } from './use-save-flow';

export interface PageAlertsProps {
  editor: PageEditorContext;
  save: SaveFlow;
  commands: Pick<EditorCommands, 'restoreDraft' | 'reloadLatest'>;
  onGoTo: (line: number, column: number) => void;
}

/**
 * What the editor says above the text: a draft on offer, a retry countdown, a conflict, a failed
 * or refused save, and Confluence's verdict after a save.
 */
export function PageAlerts({ editor, save, commands, onGoTo }: PageAlertsProps) {
  const { state, dispatch, drafts } = editor;
  const { saver, conflict } = save;
  return (
    <>
      {drafts.offer && (
        <DraftOfferBanner
          offer={drafts.offer}
          onRestore={commands.restoreDraft}
          onDiscard={drafts.discard}
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
        state.saveError && <ErrorAlert error={state.saveError} />
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
