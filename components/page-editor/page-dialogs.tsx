'use client';

import { useMemo } from 'react';

import { VersionHistory } from '@/components/history/version-history';
import { buildSaveChecks } from '@/lib/editor/save-checks';
import { viewOf } from '@/lib/pages/page-view';

import { ConflictView } from './conflict-view';
import { DiffView } from './diff-view';
import { baseVersionOf, baseViewTextOf, type EditorState } from './editor-state';
import type { PageEditorContext } from './page-editor-context';
import { RenameDialog } from './rename-dialog';
import { SavePanel } from './save-panel';
import type { ConfluenceCheck } from './use-confluence-check';
import type { EditorCommands } from './use-editor-commands';
import type { SaveFlow } from './use-save-flow';

export interface PageDialogsProps {
  editor: PageEditorContext;
  theme: 'light' | 'dark';
  save: SaveFlow;
  /** The latest dry run, whatever body it was for. */
  confluenceCheck: ConfluenceCheck | null;
  commands: Pick<EditorCommands, 'goTo' | 'loadVersion'>;
}

/** The dialog on top of the editor (save panel, diff, rename, history) and the conflict view. */
export function PageDialogs({ editor, theme, save, confluenceCheck, commands }: PageDialogsProps) {
  const { page, state, dispatch, apiRef, trimmedTitle } = editor;
  const { base, dialog } = state;
  const { conflict } = save;
  const open = (next: EditorState['dialog']) => dispatch({ type: 'dialogOpened', dialog: next });
  const close = () => open(null);

  const savingBody = dialog?.kind === 'save' ? dialog.body : null;
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
  const titleChange = trimmedTitle !== base.title ? { from: base.title, to: trimmedTitle } : null;
  // Comparisons show the user's view: both sides laid out as the editor shows them.
  const diffing = dialog?.kind === 'diff';
  const { view } = state;
  const baseText = useMemo(
    () => (diffing ? baseViewTextOf({ view, base }) : null),
    [diffing, view, base],
  );
  const comparedVersion = dialog?.kind === 'compare' ? dialog.version.body : null;
  const comparedText = useMemo(
    () => (comparedVersion === null ? null : viewOf(comparedVersion).text),
    [comparedVersion],
  );

  return (
    <>
      {dialog?.kind === 'save' && (
        <SavePanel
          baseVersion={baseVersionOf(state)}
          titleChange={titleChange}
          lines={dialog.lines}
          unchanged={saveChecks?.noChanges ?? false}
          blockers={save.blockers}
          diagnostics={state.diagnostics.filter((d) => !state.serverDiagnostics.includes(d))}
          body={dialog.text}
          onFix={save.fixInPanel}
          removals={saveChecks?.removals ?? { groups: [], total: 0, summary: null }}
          confluenceCheck={confluenceCheck?.body === dialog.text ? confluenceCheck : null}
          onRecheck={(text) => void save.runCheck(text)}
          message={state.message}
          onMessageChange={(message) => dispatch({ type: 'messageChanged', message })}
          minorEdit={state.minorEdit}
          onMinorEditChange={(minorEdit) => dispatch({ type: 'minorEditChanged', minorEdit })}
          onSave={save.submitSave}
          onReviewDiff={() => open({ ...dialog, kind: 'diff', fromSave: true })}
          onGoTo={commands.goTo}
          onClose={close}
        />
      )}
      {dialog?.kind === 'diff' && (
        <DiffView
          heading={`Changes since version ${base.version}`}
          original={baseText ?? ''}
          modified={dialog.text}
          originalLabel={`Version ${base.version}`}
          modifiedLabel="Your text"
          theme={theme}
          onClose={() =>
            open(
              dialog.fromSave
                ? { kind: 'save', body: dialog.body, text: dialog.text, lines: dialog.lines }
                : null,
            )
          }
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          pageId={page.id}
          spaceKey={page.spaceKey}
          savedTitle={base.title}
          currentTitle={state.title}
          clashedTitle={state.clashedTitle}
          onRename={(title) => dispatch({ type: 'renamed', title })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'history' && (
        <VersionHistory
          pageId={page.id}
          currentVersion={base.version}
          onCompare={(version) =>
            open({ kind: 'compare', version, text: apiRef.current?.getValue() ?? state.body })
          }
          onLoad={commands.loadVersion}
          onClose={close}
        />
      )}
      {dialog?.kind === 'compare' && (
        <DiffView
          heading={`Version ${dialog.version.number} compared with your text`}
          original={comparedText ?? ''}
          modified={dialog.text}
          originalLabel={`Version ${dialog.version.number}`}
          modifiedLabel="Your text"
          theme={theme}
          onClose={() => open({ kind: 'history' })}
        />
      )}
      {conflict?.open && conflict.merge && (
        <ConflictView
          theirs={conflict.merge.theirs}
          mine={{ title: conflict.request.title, body: conflict.request.text }}
          outcome={conflict.merge.outcome}
          resumed={conflict.result}
          theme={theme}
          saving={save.busy}
          onSave={save.saveMerged}
          onClose={save.saver.closeConflictView}
        />
      )}
    </>
  );
}
