import { BLOCK_ELEMENTS, MACRO_ELEMENTS, WHITESPACE_SENSITIVE_ELEMENTS } from './element-kinds';
import { findMacro } from './macro-catalogue';
import { parseStorage } from './parse';
import type { DocumentNode, ElementNode, StorageNode } from './types';
import { OffsetMapBuilder, identityOffsetMap, type OffsetMap } from './layout/offset-map';

export interface FormatResult {
  /** The formatted body, or the input unchanged when formatting was refused. */
  formatted: string;
  /** False when the body was left alone; `reason` says why. */
  ok: boolean;
  reason?: string;
}

const INDENT = '  ';

/** Children of a macro that Confluence reads structurally: whitespace between them means nothing. */
const MACRO_PARTS: ReadonlySet<string> = new Set([
  'ac:parameter',
  'ac:default-parameter',
  'ac:rich-text-body',
  'ac:plain-text-body',
]);

/** Confluence containers whose parts are read structurally, like a table's rows. */
const STRUCTURAL_PARTS: ReadonlySet<string> = new Set([
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:task-body',
  'ac:adf-node',
  'ac:adf-attribute',
  'ac:adf-content',
  'ac:adf-fallback',
]);

/**
 * Can whitespace go around this element without changing the page? Blocks, macro parts and block
 * macros: yes. Inline macros (status, anchor, a single Jira issue…) and unknown macros: no, a
 * space between two lozenges shows.
 */
function standsAlone(element: ElementNode): boolean {
  const { name } = element;
  if (BLOCK_ELEMENTS.has(name) || MACRO_PARTS.has(name) || STRUCTURAL_PARTS.has(name)) return true;
  if (!MACRO_ELEMENTS.has(name)) return false;
  const macroName = element.attributes.find((a) => a.name === 'ac:name')?.value;
  const spec = macroName === undefined ? undefined : findMacro(macroName);
  return spec !== undefined && !spec.inline;
}

export function isWhitespaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13) return false;
  }
  return true;
}

/**
 * A container whose children may be laid out one per line: nothing but whitespace between
 * children that each stand alone (comments and processing instructions are neutral).
 */
export function holdsOnlyBlocks(children: readonly StorageNode[]): boolean {
  let blocks = 0;
  for (const child of children) {
    if (child.type === 'text') {
      if (!isWhitespaceOnly(child.value)) return false;
    } else if (child.type === 'element') {
      if (!standsAlone(child)) return false;
      blocks++;
    } else if (child.type === 'cdata') return false;
  }
  return blocks > 0;
}

class Formatter {
  private readonly out: string[] = [];
  /** Records which output ranges are copied from the source and which are inserted layout. */
  readonly map = new OffsetMapBuilder();

  constructor(private readonly source: string) {}

  run(document: DocumentNode): string {
    this.children(document.children, 0, holdsOnlyBlocks(document.children), true);
    return this.out.join('');
  }

  private copy(start: number, end: number): void {
    this.out.push(this.source.slice(start, end));
    this.map.copy(start, end);
  }

  private insert(text: string): void {
    if (text === '') return;
    this.out.push(text);
    this.map.insert(text.length);
  }

  private verbatim(node: { span: { start: number; end: number } }): void {
    this.copy(node.span.start, node.span.end);
  }

  private node(node: StorageNode, depth: number): void {
    if (node.type !== 'element') return this.verbatim(node);
    // Inline macros (a status lozenge in a sentence) stay on one line, as they read in the text.
    const inlineMacro = MACRO_ELEMENTS.has(node.name) && !standsAlone(node);
    if (
      node.selfClosing ||
      node.children.length === 0 ||
      inlineMacro ||
      WHITESPACE_SENSITIVE_ELEMENTS.has(node.name)
    ) {
      return this.verbatim(node);
    }
    const { openTag, closeTag } = node;
    this.copy(openTag.start, openTag.end);
    const blocks = holdsOnlyBlocks(node.children);
    this.children(node.children, depth + 1, blocks, false);
    if (blocks) this.insert('\n' + INDENT.repeat(depth));
    if (closeTag) this.copy(closeTag.start, closeTag.end);
  }

  /**
   * Block containers get one child per line (their whitespace-only text is dropped: it means
   * nothing there); inline containers keep every character, only their descendants may be laid out.
   */
  private children(
    children: readonly StorageNode[],
    depth: number,
    blocks: boolean,
    top: boolean,
  ): void {
    let first = true;
    for (const child of children) {
      if (blocks && child.type === 'text') continue;
      if (blocks) {
        this.insert((top && first ? '' : '\n') + INDENT.repeat(top ? 0 : depth));
      }
      this.node(child, top ? 0 : depth);
      first = false;
    }
  }
}

/**
 * Pretty-prints a storage body (typically Confluence's one-line form) into one block per line,
 * indented, without changing its meaning: inline content, `pre`, CDATA, macro parameters and
 * plain-text bodies keep every character; only whitespace between blocks is laid out, and
 * Confluence ignores that. Idempotent. Refuses a body with errors rather than guess.
 */
export function tryFormatStorage(source: string): FormatResult {
  const parsed = parseStorage(source);
  const errors = parsed.diagnostics.length;
  if (errors > 0) {
    return {
      formatted: source,
      ok: false,
      reason: `The body has ${errors} error${errors === 1 ? '' : 's'} Confluence would reject; fix ${errors === 1 ? 'it' : 'them'} first (formatting never guesses at broken markup).`,
    };
  }
  return { formatted: new Formatter(source).run(parsed.document), ok: true };
}

export interface FormatWithMapResult extends FormatResult {
  /** Between `source` and `formatted`: the identity when formatting was refused. */
  map: OffsetMap;
}

/**
 * {@link tryFormatStorage} with the offset map between the source and the formatted text, so an
 * edit made in the formatted text can be carried back to the source's own layout.
 */
export function formatStorageWithMap(source: string): FormatWithMapResult {
  const parsed = parseStorage(source);
  if (parsed.diagnostics.length > 0) {
    return { ...tryFormatStorage(source), map: identityOffsetMap(source.length) };
  }
  const formatter = new Formatter(source);
  const formatted = formatter.run(parsed.document);
  return { formatted, ok: true, map: formatter.map.build(source.length) };
}

/** {@link tryFormatStorage}, returning only the text (unchanged when formatting is refused). */
export function formatStorage(source: string): string {
  return tryFormatStorage(source).formatted;
}
