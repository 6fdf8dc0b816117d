'use client';

import { type KeyboardEvent, useId, useRef, useState } from 'react';

import { translateDiagnostic, type TranslatedFix } from '@/lib/editor/diagnostic-translation';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { describeLineChanges, type LineChangeSummary } from '@/lib/editor/line-diff';
import { messageFor, SAVE_MESSAGES } from '@/lib/errors';
import type { RemovalReport } from '@/lib/storage-format/integrity';
import type { Diagnostic } from '@/lib/storage-format/types';

import styles from './page-editor.module.css';
import type { ConfluenceCheck } from './use-confluence-check';

/** Longer lists are cut here; the status bar and Validate reach the rest. */
const LISTED_PROBLEMS = 8;

/** Confluence keeps at most this much of a version comment (the API refuses more). */
export const VERSION_COMMENT_MAX = 500;

export interface SavePanelProps {
  baseVersion: number;
  /** Null when the title is unchanged. */
  titleChange: { from: string; to: string } | null;
  lines: LineChangeSummary;
  /** Body and title are those of the base version: saving would make an empty version. */
  unchanged: boolean;
  /** Reasons other than the body that forbid saving (title, draft on offer). */
  blockers: string[];
  diagnostics: readonly Diagnostic[];
  /** The body being saved: the errors' one-click fixes are worked out on it. */
  body: string;
  /** Applies a fix to the editor text (undoable); the panel then shows the fixed text. */
  onFix: (fix: TranslatedFix) => void;
  /** What the save would remove for good (inline comments, mentions, tasks…). */
  removals: RemovalReport;
  /** Confluence's dry run of this body, started when the panel opened (null: not run). */
  confluenceCheck: ConfluenceCheck | null;
  message: string;
  onMessageChange: (message: string) => void;
  minorEdit: boolean;
  onMinorEditChange: (minorEdit: boolean) => void;
  onSave: () => void;
  onReviewDiff: () => void;
  /** Closes the panel and puts the cursor on a problem. */
  onGoTo: (line: number, column: number) => void;
  onClose: () => void;
  /** Runs Confluence's dry run of `body` again (after it failed). */
  onRecheck: (body: string) => void;
}

function ProblemList({
  problems,
  label,
  onGoTo,
  fixFor,
  onFix,
}: {
  problems: readonly Diagnostic[];
  label: string;
  onGoTo: (line: number, column: number) => void;
  /** The mechanical repair of a problem, if there is one (offered as a button). */
  fixFor?: (problem: Diagnostic) => TranslatedFix | null;
  onFix?: (fix: TranslatedFix) => void;
}) {
  const shown = problems.slice(0, LISTED_PROBLEMS);
  return (
    <ul className={styles.problemList} aria-label={label}>
      {shown.map((problem, index) => (
        <li key={`${problem.line}:${problem.column}:${index}`}>
          <button
            type="button"
            className="link-button"
            onClick={() => onGoTo(problem.line, problem.column)}
          >
            Line {problem.line}, column {problem.column}
          </button>
          : {problem.message}
          <FixButton fix={fixFor?.(problem) ?? null} onFix={onFix} />
        </li>
      ))}
      {problems.length > shown.length && <li>… and {problems.length - shown.length} more</li>}
    </ul>
  );
}

function FixButton({
  fix,
  onFix,
}: {
  fix: TranslatedFix | null;
  onFix: ((fix: TranslatedFix) => void) | undefined;
}) {
  if (!fix || !onFix) return null;
  return (
    <>
      {' '}
      <button type="button" className="button" onClick={() => onFix(fix)}>
        Fix: {fix.title}
      </button>
    </>
  );
}

/** The integrity guard's finding: what would be lost, and the confirmation it needs. */
function RemovalWarning({
  removals,
  confirmed,
  onConfirm,
}: {
  removals: RemovalReport;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const id = useId();
  return (
    <div className={`alert ${styles.removals}`} role="alert" aria-labelledby={`${id}-summary`}>
      <p id={`${id}-summary`} data-testid="removal-summary">
        {removals.summary}
      </p>
      <p>Confluence cannot bring them back once this version is saved.</p>
      <div className={styles.checkField}>
        <input
          id={`${id}-confirm`}
          type="checkbox"
          checked={confirmed}
          onChange={(event) => onConfirm(event.target.checked)}
        />
        <label htmlFor={`${id}-confirm`}>
          Remove {removals.total === 1 ? 'it' : `these ${removals.total}`} with this save
        </label>
      </div>
    </div>
  );
}

/** The dry run's progress and verdict; only a parse error Confluence reports blocks the save. */
function CheckSummary({
  check,
  onGoTo,
  onFix,
  onRetry,
}: {
  check: ConfluenceCheck;
  onGoTo: (line: number, column: number) => void;
  onFix: (fix: TranslatedFix) => void;
  onRetry: () => void;
}) {
  return (
    <section
      className={styles.confluenceCheck}
      aria-label="Check with Confluence"
      data-testid="panel-check"
    >
      <p role="status">
        {check.status === 'running'
          ? 'Checking with Confluence…'
          : check.status === 'failed'
            ? `Could not check with Confluence (${check.error.message}) You can still save.`
            : check.outcome.summary}
      </p>
      {check.status === 'failed' && (
        <p>
          {check.error.requestId && <>Request id: {check.error.requestId}. </>}
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {check.status === 'done' && check.outcome.errors.length > 0 && (
        <ProblemList
          problems={check.outcome.errors}
          label="Confluence errors"
          onGoTo={onGoTo}
          fixFor={(problem) => translateDiagnostic(check.body, problem).fixes[0] ?? null}
          onFix={onFix}
        />
      )}
      {check.status === 'done' && check.outcome.warnings.length > 0 && (
        <ProblemList
          problems={check.outcome.warnings}
          label="Confluence warnings"
          onGoTo={onGoTo}
        />
      )}
    </section>
  );
}

/**
 * What Save opens: what changed, the version comment and the minor-edit flag, and whatever stands
 * in the way. Errors (and an unchanged page) block saving; warnings need an explicit "save anyway";
 * removing inline comments, mentions, tasks… needs its own confirmation. Confluence's dry run runs
 * meanwhile: its warnings are shown, only its parse error blocks.
 */
export function SavePanel({
  baseVersion,
  titleChange,
  lines,
  unchanged,
  blockers,
  diagnostics,
  body,
  onFix,
  removals,
  confluenceCheck,
  message,
  onMessageChange,
  minorEdit,
  onMinorEditChange,
  onSave,
  onReviewDiff,
  onGoTo,
  onClose,
  onRecheck,
}: SavePanelProps) {
  const id = useId();
  const commentRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [acceptRemovals, setAcceptRemovals] = useState(false);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const refusal = unchanged ? SAVE_MESSAGES.nothingToSave(baseVersion) : null;
  const confluenceRefuses = confluenceCheck?.status === 'done' && confluenceCheck.outcome.refused;
  const blocked = refusal !== null || blockers.length > 0 || errors.length > 0 || confluenceRefuses;
  const canSave =
    !blocked &&
    (warnings.length === 0 || acceptWarnings) &&
    (removals.total === 0 || acceptRemovals);
  const whyNot = canSave ? null : saveBlockedReason();

  /** The first thing in the way, said next to the disabled Save for eyes and screen readers. */
  function saveBlockedReason(): string {
    if (refusal) return refusal;
    if (blockers[0]) return blockers[0];
    if (errors.length > 0) return 'Fix the errors above first.';
    if (confluenceRefuses) return 'Confluence would reject this body: fix its errors first.';
    if (warnings.length > 0 && !acceptWarnings) return 'Confirm saving despite the warnings.';
    return 'Confirm the removals above first.';
  }

  // Ctrl/Cmd+S in the panel saves (a second press after the one that opened it).
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <ModalDialog heading="Save page" onClose={onClose} initialFocusRef={commentRef}>
      <form
        ref={formRef}
        className={styles.savePanel}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) onSave();
        }}
      >
        <section aria-labelledby={`${id}-changes`} className={styles.changeSummary}>
          <h3 id={`${id}-changes`}>Changes since version {baseVersion}</h3>
          <p data-testid="change-summary">
            {describeLineChanges(lines)}
            {titleChange && (
              <>
                {'; title '}
                <q>{titleChange.from}</q> → <q>{titleChange.to}</q>
              </>
            )}
          </p>
          <button type="button" className="link-button" onClick={onReviewDiff}>
            Review diff
          </button>
        </section>

        <div className={styles.field}>
          <label htmlFor={`${id}-comment`}>Version comment</label>
          <input
            ref={commentRef}
            id={`${id}-comment`}
            value={message}
            onChange={(event) => onMessageChange(event.target.value)}
            maxLength={VERSION_COMMENT_MAX}
            placeholder="What changed, for the page history (optional)"
            autoComplete="off"
          />
        </div>
        <div className={styles.checkField}>
          <input
            id={`${id}-minor`}
            type="checkbox"
            checked={minorEdit}
            onChange={(event) => onMinorEditChange(event.target.checked)}
          />
          <label htmlFor={`${id}-minor`}>Minor edit (don&apos;t notify watchers)</label>
        </div>

        {(refusal || blockers.length > 0) && (
          <div className="alert" role="alert">
            {[refusal, ...blockers].filter(Boolean).map((reason) => (
              <p key={reason}>{reason}</p>
            ))}
          </div>
        )}
        {errors.length > 0 && (
          <div className="alert" role="alert">
            <p>{messageFor('invalid_storage')}</p>
            <ProblemList
              problems={errors}
              label="Errors"
              onGoTo={onGoTo}
              fixFor={(problem) => translateDiagnostic(body, problem).fixes[0] ?? null}
              onFix={onFix}
            />
          </div>
        )}
        {!blocked && warnings.length > 0 && (
          <div className={`notice ${styles.warnings}`}>
            <p>
              Confluence accepts this body, but {warnings.length === 1 ? 'this' : 'these'}{' '}
              {warnings.length === 1 ? 'warning' : `${warnings.length} warnings`} may not come out
              as intended:
            </p>
            <ProblemList problems={warnings} label="Warnings" onGoTo={onGoTo} />
            <div className={styles.checkField}>
              <input
                id={`${id}-accept`}
                type="checkbox"
                checked={acceptWarnings}
                onChange={(event) => setAcceptWarnings(event.target.checked)}
              />
              <label htmlFor={`${id}-accept`}>Save despite the warnings</label>
            </div>
          </div>
        )}

        {!refusal && removals.total > 0 && (
          <RemovalWarning
            removals={removals}
            confirmed={acceptRemovals}
            onConfirm={setAcceptRemovals}
          />
        )}
        {!refusal && errors.length === 0 && confluenceCheck && (
          <CheckSummary
            check={confluenceCheck}
            onGoTo={onGoTo}
            onFix={onFix}
            onRetry={() => onRecheck(confluenceCheck.body)}
          />
        )}

        <div className={styles.dialogActions}>
          <button
            type="submit"
            className="button button-primary"
            disabled={!canSave}
            aria-describedby={whyNot ? `${id}-why-not` : undefined}
            aria-keyshortcuts="Control+S Meta+S"
          >
            Save
          </button>
          {whyNot && (
            <p id={`${id}-why-not`} className="disabled-reason" data-testid="save-why-not">
              {whyNot}
            </p>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
