import type { Diagnostic } from '@/lib/storage-format';

/**
 * Monaco's `MarkerSeverity` values, copied so this module stays pure (no monaco import at runtime;
 * the numbers are part of Monaco's public API and have never changed).
 */
export const MARKER_SEVERITY = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

/** The subset of Monaco's `IMarkerData` the editor sets. */
export interface StorageMarker {
  severity: number;
  code: string;
  message: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Owner string for `setModelMarkers`, also used to find our markers in code actions. */
export const MARKER_OWNER = 'storage-format';

const SEVERITY: Record<Diagnostic['severity'], number> = {
  error: MARKER_SEVERITY.Error,
  warning: MARKER_SEVERITY.Warning,
  info: MARKER_SEVERITY.Info,
};

/**
 * Maps engine diagnostics (1-based, end exclusive, like Monaco) to markers. An empty range is
 * widened to one character so the squiggle is visible (e.g. an error at the end of the text).
 */
export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[]): StorageMarker[] {
  return diagnostics.map((diagnostic) => {
    const empty =
      diagnostic.endLine < diagnostic.line ||
      (diagnostic.endLine === diagnostic.line && diagnostic.endColumn <= diagnostic.column);
    return {
      severity: SEVERITY[diagnostic.severity],
      code: diagnostic.code,
      message: diagnostic.message,
      source: 'Pagewright',
      startLineNumber: diagnostic.line,
      startColumn: diagnostic.column,
      endLineNumber: empty ? diagnostic.line : diagnostic.endLine,
      endColumn: empty ? diagnostic.column + 1 : diagnostic.endColumn,
    };
  });
}

/** Error and warning counts for the status bar. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors += 1;
    else if (diagnostic.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}

/** Owner of the markers from Confluence's dry run ("Check with Confluence"), kept apart. */
export const SERVER_MARKER_OWNER = 'confluence-check';

/**
 * The live diagnostics plus those from Confluence's dry run, in document order. A server finding
 * the engine already reports at the same place with the same code is not listed twice.
 */
export function withServerDiagnostics(
  local: readonly Diagnostic[],
  server: readonly Diagnostic[],
): Diagnostic[] {
  if (server.length === 0) return [...local];
  const seen = new Set(local.map((d) => `${d.line}:${d.column}:${d.code}`));
  const extra = server.filter((d) => !seen.has(`${d.line}:${d.column}:${d.code}`));
  return [...local, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
}
