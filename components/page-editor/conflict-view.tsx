'use client';

import { useId, useMemo, useRef, useState } from 'react';

import type { StorageDiffEditorApi } from '@/components/editor/diff-editor';
import { StorageDiffEditorLoader } from '@/components/editor/diff-editor-loader';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { hasConflictMarkers, type MergeOutcome, type PageSide } from '@/lib/editor/merge';
import { SAVE_MESSAGES } from '@/lib/errors';
import { formatStorage } from '@/lib/storage-format/format';
import { parseStorage } from '@/lib/storage-format/parse';

import styles from './page-editor.module.css';
import type { TheirVersion } from './use-page-save';

export interface ConflictViewProps {
  theirs: TheirVersion;
  mine: PageSide;
  outcome: MergeOutcome;
  /** The text and title left in the view when it was last closed. */
  resumed: { body: string; title: string } | null;
  theme: 'light' | 'dark';
  saving: boolean;
  onSave: (body: string, title: string) => void;
  /** Cancel: my text stays in the editor; the view's text is kept for the next opening. */
  onClose: (result: { body: string; title: string }) => void;
}

/**
 * After a 409: their version (left, read-only) against the result (right, editable). A clean
 * merge is shown for confirmation; a conflicting one starts with conflict markers around each
 * region both sides changed. Either way the result is saved on their version, and it must parse
 * and be free of markers first. Nothing here touches my text in the main editor.
 */
export function ConflictView({
  theirs,
  mine,
  outcome,
  resumed,
  theme,
  saving,
  onSave,
  onClose,
}: ConflictViewProps) {
  const id = useId();
  const apiRef = useRef<StorageDiffEditorApi | null>(null);
  // Every text in the merge's layout (formatted when the merge was), so the result only differs
  // from each side where the text does; saving carries it back to their version's stored layout.
  const shown = (body: string) => (outcome.formatted ? formatStorage(body) : body);
  const mergedShown = useMemo(
    () => (outcome.formatted ? formatStorage(outcome.body) : outcome.body),
    [outcome.formatted, outcome.body],
  );
  const initialBody = resumed?.body ?? mergedShown;
  const [title, setTitle] = useState(
    resumed?.title ?? (outcome.title.conflict ? outcome.title.mine : outcome.title.title),
  );
  const [problem, setProblem] = useState<string | null>(null);
  // Their side in the same layout as the merge, so only real differences show.
  const theirsShown = useMemo(
    () => (outcome.formatted ? formatStorage(theirs.body) : theirs.body),
    [outcome.formatted, theirs.body],
  );
  const conflicted = !outcome.clean;
  const current = () => apiRef.current?.getModified() ?? initialBody;

  const replaceResult = (body: string) => {
    setProblem(null);
    apiRef.current?.setModified(body);
    apiRef.current?.focus();
  };

  const submit = () => {
    const body = current();
    const trimmed = title.trim();
    const errors = parseStorage(body).diagnostics.length;
    const reason = hasConflictMarkers(body)
      ? SAVE_MESSAGES.conflictMarkersLeft
      : errors > 0
        ? SAVE_MESSAGES.resultInvalid(errors)
        : trimmed === ''
          ? SAVE_MESSAGES.titleRequired
          : null;
    setProblem(reason);
    if (reason === null) onSave(body, trimmed);
  };

  const heading = conflicted
    ? `Resolve the conflict with version ${theirs.version}`
    : `Merge with version ${theirs.version}`;

  return (
    <ModalDialog
      heading={heading}
      onClose={() => onClose({ body: current(), title })}
      size="wide"
      closeLabel="Cancel"
    >
      <div className={styles.conflictIntro}>
        {conflicted ? (
          <>
            <p>
              {theirs.by} saved version {theirs.version} while you were editing, and you both
              changed the same {outcome.conflicts > 0 ? 'part of the page' : 'title'}.
            </p>
            {outcome.conflicts > 0 && (
              <p>
                {outcome.conflicts === 1 ? 'One part differs' : `${outcome.conflicts} parts differ`}
                : on the right, each shows your text after <code>{'<<<<<<< your text'}</code> and
                theirs after <code>=======</code> up to the <code>{'>>>>>>>'}</code> line. Keep what
                should stay and delete the marker lines.
              </p>
            )}
            {outcome.title.conflict && <p>You both renamed the page: choose the title below.</p>}
            <p>Then save the result as version {theirs.version + 1}.</p>
          </>
        ) : (
          <p>
            {theirs.by} saved version {theirs.version} while you were editing. Your changes and
            theirs do not overlap: check the merged result (right) against their version (left),
            then save it as version {theirs.version + 1}.
          </p>
        )}
        <p className={styles.diffLegend}>
          <span>Left: version {theirs.version} (theirs, read-only)</span>
          <span>Right: the result (editable)</span>
          <span>F7 / Shift+F7: next / previous change</span>
        </p>
      </div>

      <div className={styles.conflictTools}>
        <div className={styles.field}>
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={255}
            aria-describedby={outcome.title.conflict ? `${id}-title-note` : undefined}
          />
          {outcome.title.conflict && (
            <span id={`${id}-title-note`} className={styles.titleStatus}>
              Theirs: <q>{outcome.title.theirs}</q>; yours: <q>{outcome.title.mine}</q>
            </span>
          )}
        </div>
        <div role="group" aria-label="Start the result from" className={styles.conflictStarts}>
          <button type="button" className="button" onClick={() => replaceResult(mergedShown)}>
            {conflicted ? 'Start again from the merge' : 'Start again from the merged text'}
          </button>
          <button type="button" className="button" onClick={() => replaceResult(shown(mine.body))}>
            Use my text
          </button>
          <button type="button" className="button" onClick={() => replaceResult(theirsShown)}>
            Use their text
          </button>
        </div>
      </div>

      <div className={styles.diffHost}>
        <StorageDiffEditorLoader
          original={theirsShown}
          modified={initialBody}
          originalLabel={`Version ${theirs.version} by ${theirs.by} (read-only)`}
          modifiedLabel="Merge result (editable)"
          theme={theme}
          editable
          apiRef={apiRef}
          onModifiedChange={() => setProblem(null)}
        />
      </div>

      <div className={styles.dialogActions}>
        {problem && (
          <p className="alert" role="alert">
            {problem}
          </p>
        )}
        <button type="button" className="button button-primary" onClick={submit} disabled={saving}>
          {conflicted ? 'Save result' : 'Save merged'}
        </button>
      </div>
    </ModalDialog>
  );
}
