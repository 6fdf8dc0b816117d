/**
 * Shared types of the storage-format engine. Diagnostics are plain data (they cross the Worker
 * boundary and the wire); tree nodes expose their source ranges as read-only `Span`s.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about a storage body. Positions are 1-based and count UTF-16 code units, like
 * Monaco and like Confluence's `[row,col]`; `endLine/endColumn` point just past the range.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable snake_case identifier, e.g. `void_element_not_closed`; quick fixes key on it. */
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Half-open range of UTF-16 offsets into the source: `source.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface AttributeNode {
  /** Qualified name as written, e.g. `ac:name` or `href`. */
  name: string;
  /** Value with entity and character references resolved. */
  value: string;
  /** Whole `name="value"` range. */
  readonly span: Span;
  /** Range of the value between the quotes. */
  readonly valueSpan: Span;
}

export interface ElementNode {
  type: 'element';
  /** Qualified name as written, e.g. `ac:structured-macro` or `p`. XML names are case-sensitive. */
  name: string;
  /** `ac`, `ri`, another declared prefix, or null for plain XHTML. */
  prefix: string | null;
  localName: string;
  attributes: AttributeNode[];
  children: StorageNode[];
  /** True for `<x/>`. */
  selfClosing: boolean;
  /** From `<` of the start tag to `>` of the end tag (or of the start tag when self-closing or never closed). */
  readonly span: Span;
  readonly openTag: Span;
  /** Null when self-closing, or when the element was never closed (an error was reported). */
  readonly closeTag: Span | null;
}

export interface TextNode {
  type: 'text';
  /** Text with entity and character references resolved. */
  value: string;
  readonly span: Span;
}

export interface CDataNode {
  type: 'cdata';
  value: string;
  readonly span: Span;
}

export interface CommentNode {
  type: 'comment';
  value: string;
  readonly span: Span;
}

export interface ProcessingInstructionNode {
  type: 'processing-instruction';
  target: string;
  data: string;
  readonly span: Span;
}

export type StorageNode =
  ElementNode | TextNode | CDataNode | CommentNode | ProcessingInstructionNode;

/** The body itself: a fragment, so it may hold any number of top-level nodes. */
export interface DocumentNode {
  type: 'document';
  children: StorageNode[];
  readonly span: Span;
}

/**
 * What Confluence itself would answer for this body: the first error its strict parser (Woodstox)
 * meets, worded as Woodstox words it, at the offset where Woodstox notices it (which may be later
 * than the mistake, e.g. an unclosed `<br>` is noticed at the next close tag).
 */
export interface ConfluenceParseError {
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface ParseResult {
  document: DocumentNode;
  /** Well-formedness errors only, in document order (semantic warnings come from validateStorage). */
  diagnostics: Diagnostic[];
  /** Null when Confluence would accept the body. */
  confluenceError: ConfluenceParseError | null;
  /** Maps offsets to 1-based line/column. */
  positions: PositionMapper;
}

export interface PositionMapper {
  lineColumnAt(offset: number): { line: number; column: number };
  offsetAt(line: number, column: number): number;
  lineCount: number;
}
