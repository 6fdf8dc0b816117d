import { isInCommentOrCData, openElementsAt, scanTag, VOID_ELEMENTS } from './tag-scanner';

/**
 * What to insert after the user typed one character, for XML auto-closing:
 * - `>` finishing a start tag `<p …>` inserts `</p>` after the cursor (the cursor stays between);
 * - `/` right after `<` completes the innermost open element's end tag: `</` → `</p>`.
 * `cursorAfter` says whether the cursor should move past the inserted text.
 */
export interface AutoCloseEdit {
  text: string;
  cursorAfter: boolean;
}

/**
 * `offset` is the position just after the typed character `typed`. Returns null when nothing
 * should be inserted (void elements, `ri:` resources, self-closing tags, comments, CDATA).
 */
export function autoCloseAt(text: string, offset: number, typed: string): AutoCloseEdit | null {
  if (typed === '>') return closeStartTag(text, offset);
  if (typed === '/') return completeEndTag(text, offset);
  return null;
}

function closeStartTag(text: string, offset: number): AutoCloseEdit | null {
  if (text[offset - 1] !== '>' || text[offset - 2] === '/') return null;
  const lt = text.lastIndexOf('<', offset - 1);
  if (lt === -1 || isInCommentOrCData(text, lt)) return null;
  const tag = scanTag(text, lt, offset);
  if (tag === null || tag.closing || tag.selfClosing || tag.end !== offset || tag.name === '')
    return null;
  if (VOID_ELEMENTS.has(tag.name) || isResourceElement(tag.name)) return null;
  // Inside an unfinished attribute value, `>` is just a character.
  if (tag.attributes.some((attribute) => !attribute.closed)) return null;
  return { text: `</${tag.name}>`, cursorAfter: false };
}

function completeEndTag(text: string, offset: number): AutoCloseEdit | null {
  if (text.slice(offset - 2, offset) !== '</') return null;
  if (isInCommentOrCData(text, offset - 2)) return null;
  // Already followed by a name (editing an existing end tag): leave it alone.
  if (/^[\w:.-]/.test(text.slice(offset, offset + 1))) return null;
  const open = openElementsAt(text, offset - 2);
  const innermost = open[open.length - 1];
  if (innermost === undefined) return null;
  // The element's end tag already follows (`<p>a</|</p>`): the user is retyping it by hand.
  if (text.startsWith(`</${innermost.name}>`, offset)) return null;
  return { text: `${innermost.name}>`, cursorAfter: true };
}

/** `ri:` resource identifiers and emoticons are always empty, written `<ri:page …/>`. */
function isResourceElement(name: string): boolean {
  return name.startsWith('ri:') || name === 'ac:emoticon';
}
