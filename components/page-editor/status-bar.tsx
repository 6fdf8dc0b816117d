import { countDiagnostics } from '@/lib/editor/diagnostic-markers';
import type { Diagnostic } from '@/lib/storage-format/types';

import editorStyles from '@/components/editor/editor.module.css';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface PageStatusBarProps {
  diagnostics: readonly Diagnostic[];
  cursor: { line: number; column: number };
  /** "Saved v3", "Unsaved changes", "Saving…", "Conflict"…: announced politely. */
  saveState: string;
  /** Short messages ("Saved version 4", "Formatted."). */
  notice: string;
  onGoTo: (line: number, column: number) => void;
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
      <span>
        Ln {cursor.line}, Col {cursor.column}
      </span>
      {first && (
        <button
          type="button"
          className={editorStyles.linkButton}
          onClick={() => onGoTo(first.line, first.column)}
        >
          Line {first.line}: {first.message}
        </button>
      )}
      <span data-testid="save-state" role="status" aria-live="polite">
        {saveState}
      </span>
      <span className={editorStyles.notice} aria-live="polite">
        {notice}
      </span>
    </div>
  );
}
