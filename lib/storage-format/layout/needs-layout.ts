/**
 * Whether a body opens laid out (one block per line) or as it is stored. The rule: a body is laid
 * out when one of its lines is longer than {@link LONG_LINE} characters, or when the whole body
 * is one line longer than {@link ONE_LINE_BODY} characters (Confluence's own editor stores every
 * page that way). CDATA sections (code) keep their own line breaks and are not counted: a one-line
 * body with a code block in it is still one line. A body already on readable lines (hand-written, or written by tools such as
 * mark or md2conf) opens as it is stored, so what the user sees is what is saved.
 */

/** Past this a line is unreadable in the editor, and Monaco stops highlighting much later. */
export const LONG_LINE = 400;
/** A one-line body shorter than this is a sentence or two: laying it out would not help. */
export const ONE_LINE_BODY = 120;

const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/g;

export function needsLayout(stored: string): boolean {
  const body = stored.includes('<![CDATA[') ? stored.replace(CDATA, '<![CDATA[]]>') : stored;
  let lineStart = 0;
  let lines = 0;
  for (;;) {
    const end = body.indexOf('\n', lineStart);
    const lineEnd = end < 0 ? body.length : end;
    if (lineEnd - lineStart > LONG_LINE) return true;
    lines++;
    if (end < 0) break;
    lineStart = end + 1;
  }
  return lines === 1 && stored.length > ONE_LINE_BODY;
}
