import { WHITESPACE_SENSITIVE_ELEMENTS } from './element-kinds';
import { formatStorage, holdsOnlyBlocks, isWhitespaceOnly } from './format';
import { parseStorage } from './parse';
import type { DocumentNode, ElementNode, StorageNode } from './types';

/**
 * One spelling per meaning, so that two bodies Confluence would treat alike compare equal as
 * strings (the Diff view, "unsaved changes", refusing a save that changes nothing).
 *
 * Decisions, all made so a difference a reader could see is never hidden:
 * - Attributes are sorted by name (code-unit order) and written `name="value"`.
 * - Characters are written literally (`&nbsp;`, `&#160;` and U+00A0 are one character); only
 *   what XML requires is escaped: `&amp;` `&lt;` `&gt;` in text, plus `&quot;` and the
 *   whitespace characters XML would otherwise normalise (`&#9;` `&#10;` `&#13;`) in attributes.
 * - An element without children is written self-closed (`<p></p>` and `<p/>` are one element).
 * - Whitespace-only text is dropped where the formatter may lay it out: in a container holding
 *   nothing but blocks (paragraphs, table parts, macro parts, block macros). Everywhere else
 *   (inline content, `pre`, `code`, macro parameters) text is kept character for character.
 * - CDATA sections, comments and processing instructions are kept as they are.
 *
 * A body with well-formedness errors has no canonical form: `canonicalizeStorage` answers null
 * (the parser's recovery is a guess, and a guess must not make two different texts "equal").
 */
export function canonicalizeStorage(source: string, options: CanonicalOptions = {}): string | null {
  const parsed = parseStorage(source);
  if (parsed.diagnostics.length > 0) return null;
  return canonicalizeDocument(parsed.document, options);
}

/** The canonical form of an already parsed, error-free body (saves a second parse). */
export function canonicalizeDocument(
  document: DocumentNode,
  options: CanonicalOptions = {},
): string {
  const out: string[] = [];
  const writer = new CanonicalWriter(options.ignoreAttributes ?? NO_NAMES, out);
  writer.children(document.children, dropsBlankText(document.children));
  return out.join('');
}

export interface CanonicalOptions {
  /**
   * Attributes left out of the canonical form, e.g. the ids Confluence adds to every macro on
   * save (`ac:macro-id`), when checking that a stored body is the one that was sent.
   */
  ignoreAttributes?: ReadonlySet<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** The canonical form laid out one block per line (formatStorage), for line-based diffs. */
export function canonicalizeForDiff(source: string): string | null {
  const canonical = canonicalizeStorage(source);
  return canonical === null ? null : formatStorage(canonical);
}

/**
 * "No changes": the save would store the loaded page again. The title is compared as typed
 * (Confluence trims it); bodies canonically.
 */
export function isNoOpSave(
  loaded: { title: string; body: string },
  next: { title: string; body: string },
): boolean {
  return loaded.title.trim() === next.title.trim() && isCanonicallyEqual(loaded.body, next.body);
}

/**
 * Same meaning for Confluence? Bodies that do not parse are equal only when identical
 * character for character (nothing can be said about what they mean).
 */
export function isCanonicallyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const left = canonicalizeStorage(a);
  if (left === null) return false;
  return left === canonicalizeStorage(b);
}

// The formatter's own notion of a block container (format.ts): whatever it may re-indent, the
// canonical form must ignore, and nothing else.
const dropsBlankText = holdsOnlyBlocks;

const TEXT_SPECIALS = /[&<>]/;
const ATTRIBUTE_SPECIALS = /[&<>"\t\n\r]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIALS.test(value)) return value;
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

class CanonicalWriter {
  constructor(
    private readonly ignored: ReadonlySet<string>,
    private readonly out: string[],
  ) {}

  element(element: ElementNode): void {
    const { out } = this;
    out.push('<', element.name);
    const { attributes } = element;
    const sorted = attributes.length < 2 ? attributes : [...attributes].sort(byName);
    for (const attribute of sorted) {
      if (this.ignored.has(attribute.name)) continue;
      out.push(' ', attribute.name, '="', escapeAttribute(attribute.value), '"');
    }
    const drop =
      !WHITESPACE_SENSITIVE_ELEMENTS.has(element.name) && dropsBlankText(element.children);
    out.push('>');
    const start = out.length;
    this.children(element.children, drop);
    // Nothing written inside: `<tr></tr>` and `<tr/>` are one empty row.
    if (out.length === start) out[start - 1] = '/>';
    else out.push('</', element.name, '>');
  }

  children(children: readonly StorageNode[], dropBlank: boolean): void {
    const { out } = this;
    for (const child of children) {
      switch (child.type) {
        case 'element':
          this.element(child);
          break;
        case 'text':
          if (!(dropBlank && isWhitespaceOnly(child.value))) out.push(escapeText(child.value));
          break;
        case 'cdata':
          out.push('<![CDATA[', child.value, ']]>');
          break;
        case 'comment':
          out.push('<!--', child.value, '-->');
          break;
        case 'processing-instruction':
          out.push('<?', child.target, child.data ? ` ${child.data}` : '', '?>');
          break;
      }
    }
  }
}
