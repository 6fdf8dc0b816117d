import { MACRO_ELEMENTS } from '@/lib/storage-format/element-kinds';
import { findMacro } from '@/lib/storage-format/macro-catalogue';
import { parseStorage } from '@/lib/storage-format/parse';
import type { Diagnostic, ElementNode, ParseResult, StorageNode } from '@/lib/storage-format/types';

/**
 * How far to trust each block of the instant preview (issue #7): `exact` when the app's renderer
 * shows what Confluence shows, `approximate` when a macro (or a Cloud editor element) is drawn by
 * Pagewright's own stand-in, `unresolved` when something the block needs does not exist — a macro
 * nobody knows, an attachment or a page link that the check with Confluence could not find.
 *
 * Blocks are the top-level elements of the body, identified as the renderer identifies them: by
 * the source offset they start at (`data-source-offset` on the rendered element), never by line:
 * Confluence's editor stores a whole body on one line.
 */

export type Fidelity = 'exact' | 'approximate' | 'unresolved';

/**
 * What Confluence said about the references of a body (POST /api/pages/{id}/check), keyed by what
 * is referenced rather than by position, so it still applies while the text moves under it.
 */
export interface Resolution {
  /** `attachmentKey`s of attachments that do not exist. */
  missingAttachments: ReadonlySet<string>;
  /** `pageKey`s of page links that do not resolve. */
  missingPages: ReadonlySet<string>;
  /** Lower-cased names of macros Confluence does not know. */
  unknownMacros: ReadonlySet<string>;
  /** Lower-cased names of macros Confluence was asked about (known to it unless in unknownMacros). */
  checkedMacros: ReadonlySet<string>;
}

/**
 * Macros the preview draws itself (lib/storage-format/render/macros/render-macro.ts, RENDERERS):
 * close to Confluence's look, but not its output. `anchor` is absent: it renders nothing visible
 * in either place.
 */
const DRAWN_BY_PAGEWRIGHT: ReadonlySet<string> = new Set([
  'code',
  'noformat',
  'info',
  'note',
  'tip',
  'warning',
  'panel',
  'expand',
  'status',
  'toc',
  'excerpt',
  'details',
  'section',
  'column',
]);

/** Renders as an inert box (docs/security.md XSS-7): its HTML never runs in the preview. */
const INERT_MACROS: ReadonlySet<string> = new Set(['html']);

const EXACT_MACROS: ReadonlySet<string> = new Set(['anchor']);

function attr(element: ElementNode, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

function childElement(element: ElementNode, name: string): ElementNode | undefined {
  return element.children.find(
    (child): child is ElementNode => child.type === 'element' && child.name === name,
  );
}

/** A page reference: its space as written ('' = this page's space) and its title. */
export function pageKey(element: ElementNode): string | null {
  const title = attr(element, 'ri:content-title');
  if (!title) return null;
  return `${attr(element, 'ri:space-key') ?? ''}\n${title.toLowerCase()}`;
}

/** An attachment reference: its owner page (none = this page) and its file name (case-sensitive). */
export function attachmentKey(element: ElementNode): string | null {
  const filename = attr(element, 'ri:filename');
  if (!filename) return null;
  const owner = childElement(element, 'ri:page');
  return `${owner ? (pageKey(owner) ?? '') : ''}\n${filename}`;
}

function macroName(element: ElementNode): string {
  return (attr(element, 'ac:name') ?? '').trim();
}

function isCatalogued(name: string): boolean {
  return findMacro(name) !== undefined || findMacro(name.toLowerCase()) !== undefined;
}

interface Reason {
  fidelity: Exclude<Fidelity, 'exact'>;
  text: string;
}

function macroReason(name: string, resolution: Resolution | undefined): Reason | null {
  const key = name.toLowerCase();
  const shown = name === '' ? 'unnamed' : name;
  if (resolution?.unknownMacros.has(key)) {
    return { fidelity: 'unresolved', text: `Confluence does not know the ${shown} macro` };
  }
  if (EXACT_MACROS.has(key)) return null;
  if (DRAWN_BY_PAGEWRIGHT.has(key)) {
    return { fidelity: 'approximate', text: `${shown} macro rendered by Pagewright` };
  }
  if (INERT_MACROS.has(key)) {
    return { fidelity: 'approximate', text: `${shown} macro not run in the preview` };
  }
  if (isCatalogued(name) || resolution?.checkedMacros.has(key)) {
    // Known to Confluence (the catalogue, or the check found no "Unknown macro" for it).
    return { fidelity: 'approximate', text: `${shown} macro rendered by Pagewright` };
  }
  return { fidelity: 'unresolved', text: `unknown macro ${shown}` };
}

function referenceReason(element: ElementNode, resolution: Resolution | undefined): Reason | null {
  if (!resolution) return null;
  if (element.name === 'ri:attachment') {
    const key = attachmentKey(element);
    if (key !== null && resolution.missingAttachments.has(key)) {
      return {
        fidelity: 'unresolved',
        text: `attachment ${attr(element, 'ri:filename')} not found`,
      };
    }
    return null;
  }
  if (element.name === 'ri:page') {
    const key = pageKey(element);
    if (key !== null && resolution.missingPages.has(key)) {
      return {
        fidelity: 'unresolved',
        text: `page “${attr(element, 'ri:content-title')}” not found`,
      };
    }
  }
  return null;
}

function collectReasons(
  element: ElementNode,
  resolution: Resolution | undefined,
  into: Reason[],
): void {
  let reason: Reason | null = null;
  if (MACRO_ELEMENTS.has(element.name)) reason = macroReason(macroName(element), resolution);
  else if (element.name === 'ac:adf-extension') {
    reason = { fidelity: 'approximate', text: 'Cloud editor element rendered by Pagewright' };
  } else if (element.name === 'ri:user') {
    reason = { fidelity: 'approximate', text: 'user mention shown without the person’s name' };
  } else if (element.name === 'a' && attr(element, 'data-card-appearance') !== undefined) {
    reason = { fidelity: 'approximate', text: 'smart card shown as a link' };
  } else if (element.name === 'ri:attachment' || element.name === 'ri:page') {
    // An attachment's owner page is judged with the attachment (its own key names the owner).
    reason = referenceReason(element, resolution);
    if (element.name === 'ri:attachment') {
      if (reason) into.push(reason);
      return;
    }
  }
  if (reason) into.push(reason);
  for (const child of element.children) {
    if (child.type === 'element') collectReasons(child, resolution, into);
  }
}

/** The worst of the reasons decides; the texts keep their first-seen order. */
function judge(reasons: readonly Reason[]): Pick<OffsetBlockFidelity, 'fidelity' | 'reasons'> {
  if (reasons.length === 0) return { fidelity: 'exact', reasons: [] };
  const unresolved = reasons.filter((reason) => reason.fidelity === 'unresolved');
  const shown = unresolved.length > 0 ? unresolved : reasons;
  return {
    fidelity: unresolved.length > 0 ? 'unresolved' : 'approximate',
    reasons: [...new Set(shown.map((reason) => reason.text))],
  };
}

/** A top-level block's fidelity, keyed by where it is in the source rather than by line. */
export interface OffsetBlockFidelity {
  /** The block's source range: its rendered element's `data-source-offset` is `start`. */
  start: number;
  end: number;
  fidelity: Fidelity;
  reasons: string[];
}

/**
 * One entry per top-level element, in document order, each judged on its own: on a one-line
 * body (as Confluence's editor stores pages) every block starts on line 1, and only the blocks
 * that are approximate or unresolved themselves get a mark.
 */
export function classifyBlocksByOffset(
  parsed: ParseResult,
  resolution?: Resolution,
): OffsetBlockFidelity[] {
  const blocks: OffsetBlockFidelity[] = [];
  for (const node of parsed.document.children) {
    if (node.type !== 'element') continue;
    blocks.push({ start: node.span.start, end: node.span.end, ...verdictOf(node, resolution) });
  }
  return blocks;
}

type Verdict = Pick<OffsetBlockFidelity, 'fidelity' | 'reasons'>;

/**
 * Verdicts per top-level element node and resolution. The incremental parse keeps the nodes of
 * every block an edit did not touch (only their offsets move), so a keystroke judges one block
 * again, not the thousand macros of the rest of the page.
 */
const verdicts = new WeakMap<
  ElementNode,
  { resolution: Resolution | undefined; verdict: Verdict }
>();

function verdictOf(node: ElementNode, resolution: Resolution | undefined): Verdict {
  const known = verdicts.get(node);
  if (known !== undefined && known.resolution === resolution) return known.verdict;
  const reasons: Reason[] = [];
  collectReasons(node, resolution, reasons);
  const verdict = judge(reasons);
  verdicts.set(node, { resolution, verdict });
  return verdict;
}

/** One line of the fidelity summary: a block that is not exact, and where it starts. */
export interface FidelityEntry {
  start: number;
  fidelity: Exclude<Fidelity, 'exact'>;
  /** e.g. "Unresolved: Confluence does not know the no-such-macro macro". */
  label: string;
  /** What the summary's button shows: the first reason without the part every entry shares. */
  short: string;
}

/** Endings that repeat on every approximate entry; the kind of mark already says them. */
const SHARED_ENDINGS =
  /\s+(rendered by Pagewright|not run in the preview|shown as a link|shown without the person’s name)$/;

/** "info macro rendered by Pagewright" → "info macro"; unresolved reasons stay whole. */
export function shortReason(reason: string): string {
  return reason.replace(SHARED_ENDINGS, '');
}

/** The blocks to list in the summary line (unresolved ones first, each in document order). */
export function fidelityEntries(blocks: readonly OffsetBlockFidelity[]): FidelityEntry[] {
  const entries: FidelityEntry[] = [];
  for (const fidelity of ['unresolved', 'approximate'] as const) {
    for (const block of blocks) {
      if (block.fidelity !== fidelity) continue;
      entries.push({
        start: block.start,
        fidelity,
        label: badgeLabel(block),
        short: shortReason(block.reasons[0] ?? ''),
      });
    }
  }
  return entries;
}

/** The block holding source `offset` (its end excluded), or null between blocks. */
export function blockAtOffset<T extends { start: number; end: number }>(
  blocks: readonly T[],
  offset: number,
): T | null {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) high = mid - 1;
    else if (offset >= block.end) low = mid + 1;
    else return block;
  }
  return null;
}

/** What `checkWithConfluence` answers (the parts used here). */
export interface CheckAnswer {
  diagnostics: readonly Pick<Diagnostic, 'code' | 'line' | 'column'>[];
  notChecked: readonly string[];
}

/**
 * Turns the check route's answer for `checkedBody` into a `Resolution`. Its warnings point at the
 * start of the reference (or macro) they are about; the element found there says what is missing.
 */
export function resolutionFromCheck(checkedBody: string, answer: CheckAnswer): Resolution {
  const parsed = parseStorage(checkedBody);
  const at = new Map<string, ElementNode>();
  const macros = new Set<string>();
  const walk = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (
        MACRO_ELEMENTS.has(node.name) ||
        node.name === 'ri:page' ||
        node.name === 'ri:attachment'
      ) {
        const { line, column } = parsed.positions.lineColumnAt(node.span.start);
        at.set(`${line}:${column}`, node);
      }
      if (MACRO_ELEMENTS.has(node.name)) macros.add(macroName(node).toLowerCase());
      walk(node.children);
    }
  };
  walk(parsed.document.children);

  const missingAttachments = new Set<string>();
  const missingPages = new Set<string>();
  const unknownMacros = new Set<string>();
  for (const diagnostic of answer.diagnostics) {
    const element = at.get(`${diagnostic.line}:${diagnostic.column}`);
    if (!element) continue;
    if (diagnostic.code === 'unresolved_attachment_reference' && element.name === 'ri:attachment') {
      const key = attachmentKey(element);
      if (key !== null) missingAttachments.add(key);
    } else if (diagnostic.code === 'unresolved_page_reference' && element.name === 'ri:page') {
      const key = pageKey(element);
      if (key !== null) missingPages.add(key);
    } else if (diagnostic.code === 'confluence_unknown_macro' && MACRO_ELEMENTS.has(element.name)) {
      unknownMacros.add(macroName(element).toLowerCase());
    }
  }
  // When Confluence could not read the body, its silence about macros means nothing.
  const macrosChecked = !answer.notChecked.some((what) => what.startsWith('macros'));
  return {
    missingAttachments,
    missingPages,
    unknownMacros,
    checkedMacros: macrosChecked ? macros : new Set(),
  };
}

/** The mark text of a block: "Approximate: jira macro rendered by Pagewright". */
export function badgeLabel(block: Pick<OffsetBlockFidelity, 'fidelity' | 'reasons'>): string {
  const kind = block.fidelity === 'unresolved' ? 'Unresolved' : 'Approximate';
  return `${kind}: ${block.reasons.join('; ')}`;
}
