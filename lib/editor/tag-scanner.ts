import { HTML_VOID_ELEMENTS } from '@/lib/storage-format/element-kinds';

/**
 * A forgiving, allocation-light scanner over storage-format text for editor features (completion,
 * hover, folding, tag matching, auto-closing). Unlike the engine's parser it works on text that is
 * half-typed, and it only needs to be right about the tags near the cursor.
 */

/** One attribute of a scanned tag; offsets are UTF-16 indices into the whole text. */
export interface ScannedAttribute {
  name: string;
  nameStart: number;
  /** Value without quotes, entities left as written. Empty for a bare or unfinished attribute. */
  value: string;
  /** Offsets of the value between the quotes (`valueStart === valueEnd` when empty or absent). */
  valueStart: number;
  valueEnd: number;
  /** False while the value's closing quote has not been typed yet. */
  closed: boolean;
}

export interface ScannedTag {
  /** Offset of `<`. */
  start: number;
  /** Offset just past `>`, or -1 when the tag is not finished. */
  end: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  closing: boolean;
  selfClosing: boolean;
  attributes: ScannedAttribute[];
}

/** An element that is open at some offset, innermost last in {@link openElementsAt}. */
export interface OpenElement {
  name: string;
  /** Offsets of the start tag. */
  start: number;
  end: number;
  attributes: Record<string, string>;
}

/** Elements that never have content in XHTML, so they are never auto-closed or pushed. */
export const VOID_ELEMENTS: ReadonlySet<string> = HTML_VOID_ELEMENTS;

const NAME_CHAR = /[\w:.-]/;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * Reads the tag starting at `start` (which must hold `<`), stopping at `limit` when the tag is
 * unfinished. Returns null for comments, CDATA, declarations and processing instructions.
 */
export function scanTag(text: string, start: number, limit = text.length): ScannedTag | null {
  let i = start + 1;
  const closing = text[i] === '/';
  if (closing) i += 1;
  if (!isNameChar(text[i]) && i < limit) return null;
  const nameStart = i;
  while (i < limit && isNameChar(text[i])) i += 1;
  const tag: ScannedTag = {
    start,
    end: -1,
    name: text.slice(nameStart, i),
    nameStart,
    nameEnd: i,
    closing,
    selfClosing: false,
    attributes: [],
  };
  while (i < limit) {
    const ch = text[i];
    if (ch === '>') {
      tag.end = i + 1;
      return tag;
    }
    if (ch === '/' && text[i + 1] === '>') {
      tag.selfClosing = true;
      tag.end = i + 2;
      return tag;
    }
    // A `<` inside a tag means the tag was never finished: the user is typing a new one.
    if (ch === '<') return tag;
    if (!isNameChar(ch)) {
      i += 1;
      continue;
    }
    const attrStart = i;
    while (i < limit && isNameChar(text[i])) i += 1;
    const attribute: ScannedAttribute = {
      name: text.slice(attrStart, i),
      nameStart: attrStart,
      value: '',
      valueStart: i,
      valueEnd: i,
      closed: true,
    };
    tag.attributes.push(attribute);
    let j = i;
    while (j < limit && isSpace(text[j])) j += 1;
    if (text[j] !== '=') continue;
    j += 1;
    while (j < limit && isSpace(text[j])) j += 1;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      let close = text.indexOf(quote, j + 1);
      // A `<` before the closing quote means the quote was never closed (values cannot hold `<`).
      const lt = text.indexOf('<', j + 1);
      const stop = Math.min(limit, lt === -1 ? limit : lt);
      if (close >= stop) close = -1;
      const valueEnd = close === -1 ? stop : close;
      attribute.valueStart = j + 1;
      attribute.valueEnd = valueEnd;
      attribute.value = text.slice(j + 1, valueEnd);
      attribute.closed = close !== -1;
      if (!attribute.closed) return tag;
      i = valueEnd + 1;
    } else {
      // Unquoted value (an error, but still a value for the editor's purposes).
      let k = j;
      while (k < limit && !isSpace(text[k]) && text[k] !== '>' && text[k] !== '<') k += 1;
      attribute.valueStart = j;
      attribute.valueEnd = k;
      attribute.value = text.slice(j, k);
      i = k;
    }
  }
  return tag;
}

/** The tag whose `<…>` contains `offset` (or ends at it while unfinished), if any. */
export function tagAt(text: string, offset: number): ScannedTag | null {
  const lt = text.lastIndexOf('<', offset - 1);
  if (lt === -1) return null;
  // Quotes may hide `>`; scanTag knows about them, so ask it where the tag ends.
  const tag = scanTag(text, lt);
  if (tag === null) {
    // `<` or `</` typed right before other markup (`<|</p>`): an empty, unfinished tag.
    const closing = text[lt + 1] === '/';
    if (offset !== lt + (closing ? 2 : 1)) return null;
    return {
      start: lt,
      end: -1,
      name: '',
      nameStart: offset,
      nameEnd: offset,
      closing,
      selfClosing: false,
      attributes: [],
    };
  }
  if (tag.end !== -1 && tag.end <= offset) return null;
  return tag;
}

/**
 * A regex over "things that are not plain text": comments, CDATA, declarations, PIs and tags.
 * Tag attribute values may contain `>` inside quotes.
 */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)|<(\/?)([\w:.-]+)((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1];
    if (name !== undefined) result[name] = match[2] ?? match[3] ?? '';
  }
  return result;
}

/** One matched pair (or lone tag) found by {@link scanElements}. */
export interface ElementPair {
  name: string;
  openStart: number;
  openEnd: number;
  /** Null when self-closing or never closed. */
  closeStart: number | null;
  closeEnd: number | null;
}

/**
 * Walks every start/end tag in `text` up to `limit`, pairing them like a lenient parser (a close
 * tag pops up to its matching open tag; a stray one is ignored). Calls `onPair` for each closed or
 * self-closed element and returns the elements still open at `limit`, innermost last.
 */
export function scanElements(
  text: string,
  limit = text.length,
  onPair?: (pair: ElementPair) => void,
  /** False when only names and offsets are needed (folding): attributes are most of the cost. */
  withAttributes = true,
): OpenElement[] {
  const stack: OpenElement[] = [];
  const head = limit === text.length ? text : text.slice(0, limit);
  MARKUP.lastIndex = 0;
  for (const match of head.matchAll(MARKUP)) {
    const name = match[2];
    if (name === undefined) continue;
    const start = match.index;
    const end = start + match[0].length;
    const attrs = match[3] ?? '';
    if (match[1] === '/') {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]?.name !== name) k -= 1;
      if (k < 0) continue;
      const open = stack[k];
      stack.length = k;
      if (open)
        onPair?.({
          name,
          openStart: open.start,
          openEnd: open.end,
          closeStart: start,
          closeEnd: end,
        });
    } else if (attrs.endsWith('/') || VOID_ELEMENTS.has(name)) {
      onPair?.({ name, openStart: start, openEnd: end, closeStart: null, closeEnd: null });
    } else {
      stack.push({ name, start, end, attributes: withAttributes ? parseAttributes(attrs) : {} });
    }
  }
  return stack;
}

/** Elements open at `offset`, outermost first (the cursor's ancestors). */
export function openElementsAt(text: string, offset: number): OpenElement[] {
  return scanElements(text, offset);
}

/** True when `offset` sits inside a comment or CDATA section (no markup features apply there). */
export function isInCommentOrCData(text: string, offset: number): boolean {
  const head = text.slice(0, offset);
  const comment = head.lastIndexOf('<!--');
  if (comment !== -1 && head.indexOf('-->', comment + 4) === -1) return true;
  const cdata = head.lastIndexOf('<![CDATA[');
  return cdata !== -1 && head.indexOf(']]>', cdata + 9) === -1;
}
