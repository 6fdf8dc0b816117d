'use client';

import type { TranslatedFix } from '@/lib/editor/diagnostic-translation';
import type {
  SaveProblem,
  VerificationNotice as SaveVerificationNotice,
} from '@/lib/editor/save-checks';
import { messageFor } from '@/lib/errors';
import { stoppedSaveMessage } from '@/lib/pages/stopped-save';

import styles from './page-editor.module.css';
import type { StoppedOutcome } from './use-page-save';

/**
 * After a save: "Saved and verified v6", or what the page read back does not match. A mismatch
 * stays until dismissed (the save stands, but the user should look); a success is a plain status.
 */
export function VerificationNotice({
  notice,
  onDismiss,
}: {
  notice: SaveVerificationNotice;
  onDismiss: () => void;
}) {
  return (
    <div
      className={`${notice.ok ? 'notice' : 'alert'} ${styles.banner}`}
      role={notice.ok ? 'status' : 'alert'}
      data-testid="save-verification"
    >
      <span>{notice.text}</span>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * A save Confluence (or the server's own check) refused as invalid storage format: each problem
 * in plain words, where it is, and a one-click fix where the repair is mechanical. The fixes are
 * for the text that was sent; once the text changes they are withdrawn (Validate shows the rest).
 */
export function SaveProblemsAlert({
  problems,
  fixesApply,
  onFix,
  onGoTo,
}: {
  problems: readonly SaveProblem[];
  /** The editor still holds the text that was sent. */
  fixesApply: boolean;
  onFix: (fix: TranslatedFix) => void;
  onGoTo: (line: number, column: number) => void;
}) {
  return (
    <div className={`alert ${styles.saveProblems}`} role="alert" aria-label="Save refused">
      <p>{messageFor('invalid_storage')}</p>
      <ul className={styles.problemList}>
        {problems.map((problem, index) => (
          <li key={`${problem.line}:${problem.column}:${index}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => onGoTo(problem.line, problem.column)}
            >
              Line {problem.line}, column {problem.column}
            </button>
            : {problem.cause}{' '}
            {fixesApply && problem.fixes[0] ? (
              <button type="button" className="button" onClick={() => onFix(problem.fixes[0]!)}>
                Fix: {problem.fixes[0].title}
              </button>
            ) : (
              <span>{problem.advice}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What reading the page again found after the user stopped waiting for a save: saved after all (a
 * status), or not saved / unknown (an alert) with "Save again", which sends the same save.
 */
export function StoppedSaveNotice({
  outcome,
  baseVersion,
  draftKept,
  onSaveAgain,
  onDismiss,
}: {
  outcome: StoppedOutcome;
  baseVersion: number;
  draftKept: boolean;
  onSaveAgain: () => void;
  onDismiss: () => void;
}) {
  const saved = outcome.kind === 'saved';
  return (
    <div
      className={`${saved ? 'notice' : 'alert'} ${styles.banner}`}
      role={saved ? 'status' : 'alert'}
      data-testid="save-stopped"
    >
      <span>{stoppedSaveMessage(outcome, baseVersion, draftKept)}</span>
      {!saved && (
        <button type="button" className="button button-primary" onClick={onSaveAgain}>
          Save again
        </button>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
