/**
 * Parses several blocks of preview HTML with one sanitize and one parse, and gives back each
 * block's nodes: what the blocks parsed one by one would give, or null where that cannot be
 * guaranteed (the caller then parses them one by one).
 *
 * Why: DOMPurify builds a new document for every call, and a `createContextualFragment` call has a
 * fixed cost too. A big page's first screens are a couple of hundred blocks; sanitized and parsed
 * one by one they cost about 75 ms more than as one string (a trace of opening a macro-rich 1 MB
 * page, issue #16). A keystroke still parses only the one or two blocks it changed.
 *
 * How: a marker element goes before every block and after the last, `<br title="NONCE:i">`, with
 * a nonce the page cannot know, so no block can forge one. The whole string goes through `parse`
 * (the `app-preview` policy, so DOMPurify sees all of it: sanitizing is unaffected by the split).
 * The nodes between markers i and i + 1 are block i's. That equals parsing block i alone in body
 * context exactly when the parser's state is back to plain body content at every marker, and the
 * markers check that:
 *
 * - an element a block left open would hold the next marker: every marker must be a child of the
 *   fragment;
 * - a table left open would foster-parent what follows to before itself, so the table would end
 *   up after the last marker: the last marker must be the fragment's last child;
 * - a formatting element left for reconstruction (misnested `<b>`) would be reconstructed around
 *   the next marker (`<br>` reconstructs them, as any phrasing content does): again not a child;
 * - a block that swallows the rest (`<plaintext>`, an unclosed raw-text element) swallows the
 *   markers: they must all be there, in order.
 *
 * The writer closes every element it opens, so in practice the check passes; it is what makes the
 * shortcut safe to take whatever the blocks hold.
 */

/** The start of every marker's title for this nonce. */
function markerPrefix(nonce: string): string {
  return `pw-block:${nonce}:`;
}

function marker(nonce: string, index: number): string {
  return `<br title="${markerPrefix(nonce)}${index}">`;
}

/** A random nonce: hex, so it is safe inside the markers' attribute. */
export function markerNonce(): string {
  const words = new Uint32Array(4);
  globalThis.crypto.getRandomValues(words);
  return Array.from(words, (word) => word.toString(16).padStart(8, '0')).join('');
}

/**
 * Block i's nodes, for every i, as children of the fragment `parse` returned (the markers are
 * removed from it); null when the blocks must be parsed one by one instead.
 */
export function parseTogether(
  htmls: readonly string[],
  parse: (html: string) => DocumentFragment,
  nonce: string,
): ChildNode[][] | null {
  let joined = '';
  for (let i = 0; i < htmls.length; i++) joined += marker(nonce, i) + htmls[i];
  joined += marker(nonce, htmls.length);
  const fragment = parse(joined);
  const prefix = markerPrefix(nonce);
  const isMarker = (node: Node): node is Element =>
    node.nodeType === 1 &&
    (node as Element).tagName === 'BR' &&
    ((node as Element).getAttribute('title') ?? '').startsWith(prefix);

  // Every marker, wherever it ended up, must be one of the fragment's children.
  const everywhere = fragment.querySelectorAll('br[title]');
  let markers = 0;
  for (const element of Array.from(everywhere)) if (isMarker(element)) markers++;
  if (markers !== htmls.length + 1) return null;

  const groups: ChildNode[][] = [];
  const found: Element[] = [];
  let current: ChildNode[] | null = null;
  for (const node of Array.from(fragment.childNodes)) {
    if (isMarker(node)) {
      if (node.getAttribute('title') !== `${prefix}${found.length}`) return null;
      if (current) groups.push(current);
      current = [];
      found.push(node);
    } else if (current === null) {
      return null;
    } else {
      current.push(node);
    }
  }
  // All markers at the top, and nothing after the last one.
  if (found.length !== htmls.length + 1 || current === null || current.length > 0) return null;
  for (const element of found) element.remove();
  return groups;
}
