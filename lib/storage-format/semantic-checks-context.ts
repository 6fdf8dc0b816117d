/**
 * Shared plumbing of the semantic checks: a collector that turns spans into 1-based diagnostics
 * and returns them in document order, plus small tree helpers that avoid per-node allocation.
 */
import type { Diagnostic, ElementNode, PositionMapper, Severity, Span, StorageNode } from './types';

/*
 * Loops over child and attribute lists here and in the checks are indexed, not `for…of`: see
 * the note in semantic-checks.ts.
 */

/** Semantic findings are never errors: Confluence accepts the body, it just gets it wrong. */
export type SemanticSeverity = Exclude<Severity, 'error'>;

/** Collects findings of one check run and hands them back in document order. */
export class SemanticReport {
  private readonly found: { offset: number; diagnostic: Diagnostic }[] = [];

  constructor(private readonly positions: PositionMapper) {}

  add(severity: SemanticSeverity, code: string, message: string, span: Span): void {
    const start = this.positions.lineColumnAt(span.start);
    const end = this.positions.lineColumnAt(span.end);
    this.found.push({
      offset: span.start,
      diagnostic: {
        severity,
        code,
        message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      },
    });
  }

  /** Findings sorted by where they start (stable, so ties keep the order they were found in). */
  diagnostics(): Diagnostic[] {
    return this.found.sort((a, b) => a.offset - b.offset).map((entry) => entry.diagnostic);
  }
}

// The element lookups the renderer uses too, from their one definition.
export { attributeNamed } from './tree-queries';

/** The element's direct text and CDATA, joined; `hasMarkup` when it also holds elements. */
export function directText(element: ElementNode): { text: string; hasMarkup: boolean } {
  let text = '';
  let hasMarkup = false;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' || child.type === 'cdata') text += child.value;
    else if (child.type === 'element') hasMarkup = true;
  }
  return { text, hasMarkup };
}

/** Visible text of a subtree, skipping macros (an anchor macro in a heading is not its text). */
export function visibleText(nodes: readonly StorageNode[]): string {
  let text = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text' || node.type === 'cdata') text += node.value;
    else if (node.type === 'element' && !node.name.startsWith('ac:'))
      text += visibleText(node.children);
  }
  return text;
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** XML whitespace only (space, tab, CR, LF); `nbsp` also counts when `nbspIsBlank`. */
export function isBlank(text: string, nbspIsBlank = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isBlankCode(code) && !(nbspIsBlank && code === 0xa0)) return false;
  }
  return true;
}

export interface EdgeWhitespace {
  leading: boolean;
  trailing: boolean;
  /** A line break among the leading or trailing whitespace: the mark of re-indentation. */
  lineBreak: boolean;
}

/** Whitespace at the start and end of a parameter value, without building trimmed copies. */
export function edgeWhitespace(text: string): EdgeWhitespace {
  let lineBreak = false;
  let start = 0;
  while (start < text.length && isBlankCode(text.charCodeAt(start))) {
    if (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13) lineBreak = true;
    start++;
  }
  let end = text.length;
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) {
    if (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13) lineBreak = true;
    end--;
  }
  return { leading: start > 0, trailing: end < text.length, lineBreak };
}

/** How a value reads in a message: quoted, with line breaks and tabs made visible. */
export function quoteValue(value: string, maxLength = 40): string {
  const shown = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  return JSON.stringify(shown);
}
