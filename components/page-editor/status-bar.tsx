import { countDiagnostics } from '@/lib/editor/diagnostic-markers';
import type { Diagnostic } from '@/lib/storage-format/types';

import editorStyles from '@/components/editor/editor.module.css';

import { KeyboardShortcuts } from './keyboard-shortcuts';
import { type LiveValue, useLiveValue } from './live-value';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface PageStatusBarProps {
  diagnostics: readonly Diagnostic[];
  /** Live: the readout re-renders on each cursor move, the bar does not. */
  cursor: LiveValue<CursorPosition>;
  /** "Saved v3", "Unsaved changes", "Saving…", "Conflict"…: announced politely. */
  saveState: string;
  /** Short messages ("Saved version 4", "Formatted."). */
  notice: string;
  onGoTo: (line: number, column: number) => void;
}

interface CursorPosition {
  line: number;
  column: number;
}

function CursorReadout({ cursor }: { cursor: LiveValue<CursorPosition> }) {
  const { line, column } = useLiveValue(cursor);
  return (
    <span>
      Ln {line}, Col {column}
    </span>
  );
}

/** Under the editor: problem counts, the cursor, the first error (a link to it), save state. */
export function PageStatusBar({
  diagnostics,
  cursor,
  saveState,
  notice,
  onGoTo,
}: PageStatusBarProps) {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const first = diagnostics.find((d) => d.severity === 'error');
  return (
    <div className={editorStyles.statusBar}>
      <span
        className={errors > 0 ? editorStyles.statusErrors : undefined}
        data-testid="error-count"
      >
        {plural(errors, 'error')}
      </span>
      <span data-testid="warning-count">{plural(warnings, 'warning')}</span>
      <CursorReadout cursor={cursor} />
      {first && (
        <button
          type="button"
          className={`link-button ${editorStyles.linkButton}`}
          onClick={() => onGoTo(first.line, first.column)}
        >
          Line {first.line}: {first.message}
        </button>
      )}
      <span data-testid="save-state" role="status" aria-live="polite">
        {saveState}
      </span>
      <span className={editorStyles.hint}>Ctrl+M: Tab leaves the editor</span>
      <KeyboardShortcuts />
      <span className={editorStyles.notice} aria-live="polite">
        {notice}
      </span>
    </div>
  );
}
