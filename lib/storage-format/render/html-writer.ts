import * as escaping from './escape';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { escapeHtmlAttribute, escapeHtmlText } = escaping;

/**
 * The only way the preview renderer produces HTML. Tag and attribute names come from the fixed
 * allowlists below (typed, and checked again at run time), never from the storage body; every
 * value goes through escaping. Parts are collected in an array and joined once.
 */

const TAGS = [
  'a',
  'abbr',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
] as const;

/** `data-*` attributes the preview emits; the sanitizer config allows exactly these. */
export const RENDER_DATA_ATTRIBUTES = [
  'data-source-line',
  'data-source-offset',
  'data-macro',
  'data-layout',
  'data-fidelity',
] as const;

const ATTRIBUTES = [
  'id',
  'class',
  'style',
  'title',
  'dir',
  'lang',
  'href',
  'src',
  'alt',
  'width',
  'height',
  'loading',
  'colspan',
  'rowspan',
  'scope',
  'span',
  'start',
  'type',
  'reversed',
  'value',
  'datetime',
  'open',
  'role',
  'aria-label',
  'aria-hidden',
  'aria-checked',
  'aria-disabled',
  ...RENDER_DATA_ATTRIBUTES,
] as const;

export type TagName = (typeof TAGS)[number];
export type AttributeName = (typeof ATTRIBUTES)[number];
/** `true` writes a bare boolean attribute; `null`/`undefined`/`false`/`''` (except alt) skip it. */
export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Partial<Record<AttributeName, AttributeValue>>;

/*
 * The allowlists as lookup tables of ready-made markup: one Map lookup both checks a name and
 * yields the text to write, so no tag or attribute string is concatenated per element.
 */
const OPEN_TAGS: ReadonlyMap<string, string> = new Map(TAGS.map((tag) => [tag, '<' + tag]));
const BARE_OPEN_TAGS: ReadonlyMap<string, string> = new Map(
  TAGS.map((tag) => [tag, '<' + tag + '>']),
);
const CLOSE_TAGS: ReadonlyMap<string, string> = new Map(TAGS.map((tag) => [tag, '</' + tag + '>']));
const ATTRIBUTE_STARTS: ReadonlyMap<string, string> = new Map(
  ATTRIBUTES.map((name) => [name, ' ' + name + '="']),
);

function sourceMark(line: number, offset: number): string {
  const mark = ' data-source-line="' + line + '"';
  return offset >= 0 ? mark + ' data-source-offset="' + offset + '"' : mark;
}

/**
 * What source marks count from: a writer for one block of an incremental preview writes them
 * relative to the block's start (offset 0, line 1), so the block's HTML stays the same string when
 * an edit above moves it, and the frame adds the block's place (preview-dom.ts). The default is
 * the body's start: absolute marks.
 */
export interface SourceMarkBase {
  readonly offset: number;
  readonly line: number;
}

export const BODY_START: SourceMarkBase = { offset: 0, line: 1 };

export class HtmlWriter {
  constructor(readonly markBase: SourceMarkBase = BODY_START) {}

  /**
   * Output since the last reserved slot: `+=` builds a rope V8 flattens once, when the string is
   * first read. (A list of parts joined at the end was measured slower: joining ~1M parts costs
   * more than the rope's cons cells.)
   */
  private buffer = '';
  /** Finished output before each reserved slot, and the slots' contents. */
  private readonly chunks: string[] = [];
  /** Counts writes, so a source-line mark can tell whether anything came after it. */
  private writes = 0;
  private pendingLine = 0;
  private pendingOffset = -1;
  private pendingAt = -1;
  /**
   * Source marks written, each in a chunk of its own: when an edit moves a block, the incremental
   * render rewrites them instead of rendering the block again.
   */
  private readonly marks: { slot: number; offset: number }[] = [];

  /** Opens `tag`; the first element opened right after `markSourceLine` carries that line. */
  open(tag: TagName, attributes?: Attributes): void {
    this.startTag(tag, attributes);
  }

  /** Writes a void element (`br`, `hr`, `img`, `col`). */
  void(tag: 'br' | 'hr' | 'img' | 'col', attributes?: Attributes): void {
    this.startTag(tag, attributes);
  }

  close(tag: TagName): void {
    const markup = CLOSE_TAGS.get(tag);
    if (markup === undefined) throw new Error(`Preview writer: tag <${tag}> is not allowlisted`);
    this.buffer += markup;
    this.writes++;
  }

  /** Writes escaped text. */
  text(value: string): void {
    if (value.length === 0) return;
    this.buffer += escapeHtmlText(value);
    this.writes++;
  }

  /** `<tag attrs>text</tag>` in one call. */
  element(tag: TagName, attributes: Attributes | undefined, text: string): void {
    this.startTag(tag, attributes);
    this.text(text);
    this.close(tag);
  }

  /**
   * Guards the start of `<pre>` content: an HTML parser drops a newline right after `<pre>`, and
   * a DOMPurify round trip loses an extra one written there, so an empty span goes first.
   */
  guardPreStart(firstText: string | undefined): void {
    if (firstText !== undefined && (firstText[0] === '\n' || firstText[0] === '\r')) {
      this.buffer += '<span></span>';
      this.writes++;
    }
  }

  /**
   * Tags the next element with `data-source-line` (and `data-source-offset`, the block's start
   * offset in the source: on a one-line body every block is on line 1), provided nothing else is
   * written before it; text written first (an unwrapped top-level run) leaves the mark unused.
   */
  markSourceLine(line: number, offset = -1): void {
    this.pendingLine = line;
    this.pendingOffset = offset;
    this.pendingAt = this.writes;
  }

  clearSourceLine(): void {
    this.pendingLine = 0;
  }

  /**
   * Hands the pending source line and offset to a renderer that writes elsewhere first (the toc)
   * and clears them here; line 0 when there is none or output was written since it was set.
   */
  takeSourceMark(): { line: number; offset: number } {
    const mark =
      this.pendingLine > 0 && this.pendingAt === this.writes
        ? { line: this.pendingLine, offset: this.pendingOffset }
        : { line: 0, offset: -1 };
    this.pendingLine = 0;
    return mark;
  }

  /** Reserves a position to be filled later (the toc, which needs headings further down). */
  reserve(): number {
    this.chunks.push(this.buffer, '');
    this.buffer = '';
    this.writes++;
    return this.chunks.length - 1;
  }

  /** Fills a reserved position with the output of another writer. */
  fill(slot: number, content: HtmlWriter): void {
    this.chunks[slot] = content.toString();
  }

  /**
   * The output, still as a rope: chunks are joined with `+`, not `Array.join`, which would copy
   * the whole page into a flat string here (the reader flattens it once anyway).
   */
  toString(): string {
    let html = '';
    for (let i = 0; i < this.chunks.length; i++) html += this.chunks[i]!;
    return html + this.buffer;
  }

  private startTag(tag: string, attributes: Attributes | undefined): void {
    const open = OPEN_TAGS.get(tag);
    if (open === undefined) throw new Error(`Preview writer: tag <${tag}> is not allowlisted`);
    if (attributes === undefined && !this.sourceLinePending()) {
      // The common bare tag (`<tr>`, `<p>`, `<li>` …): one shared constant, one rope cell.
      this.buffer += BARE_OPEN_TAGS.get(tag)!;
      this.writes++;
      return;
    }
    let html = open;
    if (attributes !== undefined) {
      for (const name in attributes) {
        const value = attributes[name as AttributeName];
        if (value === undefined || value === null || value === false) continue;
        if (value === '' && name !== 'alt') continue;
        const start = ATTRIBUTE_STARTS.get(name);
        if (start === undefined) {
          throw new Error(`Preview writer: attribute ${name} is not allowlisted`);
        }
        html += value === true ? ' ' + name : start + escapeHtmlAttribute(String(value)) + '"';
      }
    }
    if (this.sourceLinePending()) {
      const base = this.markBase;
      const mark =
        base === BODY_START
          ? sourceMark(this.pendingLine, this.pendingOffset)
          : sourceMark(
              this.pendingLine - base.line + 1,
              this.pendingOffset < 0 ? -1 : this.pendingOffset - base.offset,
            );
      this.chunks.push(this.buffer + html, mark);
      this.marks.push({ slot: this.chunks.length - 1, offset: this.pendingOffset });
      this.pendingLine = 0;
      this.buffer = '>';
    } else {
      this.buffer += html + '>';
    }
    this.writes++;
  }

  /**
   * Rewrites the source marks written so far for output whose source moved by `delta`, with the
   * lines `lineAt` gives for their new offsets.
   */
  moveSourceMarks(delta: number, lineAt: (offset: number) => number): void {
    // Relative marks never move: their block's place is kept beside the HTML instead.
    if (this.markBase !== BODY_START) throw new Error('Relative source marks do not move');
    for (const mark of this.marks) {
      if (mark.offset < 0) continue;
      mark.offset += delta;
      this.chunks[mark.slot] = sourceMark(lineAt(mark.offset), mark.offset);
    }
  }

  private sourceLinePending(): boolean {
    return this.pendingLine > 0 && this.pendingAt === this.writes;
  }
}
