/**
 * What a user may paste into "Page ID, URL or title", read without asking Confluence: a numeric id, any
 * of Confluence's page URL shapes (Cloud and Data Center), or a tiny link (`/x/AbCd`) decoded
 * locally. `/display/KEY/Title` URLs need a title lookup, so they come back as space + title.
 */
export type PageReference =
  | { kind: 'id'; id: string; origin?: string }
  | { kind: 'title'; spaceKey: string; title: string; origin?: string }
  | { kind: 'invalid'; reason: string };

const ID = /^\d{1,19}$/;

/**
 * Tiny links are the page id as 8 little-endian bytes in base64, with `/`→`-`, `+`→`_`, and the
 * trailing `A`s (zero bits) and padding cut off.
 */
export function decodeTinyLink(tiny: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,11}$/.test(tiny)) return null;
  const base64 = `${tiny.replace(/-/g, '/').replace(/_/g, '+').padEnd(11, 'A')}=`;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 8) return null;
  const id = bytes.readBigUInt64LE(0);
  return id > 0n ? id.toString() : null;
}

export function encodeTinyLink(id: string): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(id));
  return bytes
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/A+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    return segment;
  }
}

export function parsePageReference(input: string): PageReference {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', reason: 'Enter a page id or paste a page URL.' };
  if (ID.test(text)) return { kind: 'id', id: text };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      kind: 'invalid',
      reason:
        'That is neither a page id (digits only) nor a URL starting with http:// or https://.',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'invalid', reason: 'Only http:// and https:// Confluence URLs can be opened.' };
  }

  // The site the link belongs to: a page id means nothing on another site (site-match.ts).
  const { origin } = url;
  const pageId = url.searchParams.get('pageId');
  if (pageId !== null) {
    return ID.test(pageId)
      ? { kind: 'id', id: pageId, origin }
      : { kind: 'invalid', reason: `The URL's pageId "${pageId}" is not a number.` };
  }

  const segments = url.pathname.split('/').filter(Boolean);
  // …/pages/123[/Title], …/pages/edit-v2/123, …/pages/viewpage.action handled above
  const pagesAt = segments.lastIndexOf('pages');
  if (pagesAt >= 0) {
    const candidates = segments.slice(pagesAt + 1, pagesAt + 3);
    const id = candidates.find((segment) => ID.test(segment));
    if (id) return { kind: 'id', id, origin };
  }
  const tinyAt = segments.lastIndexOf('x');
  if (tinyAt >= 0 && segments[tinyAt + 1]) {
    const id = decodeTinyLink(segments[tinyAt + 1]!);
    if (id) return { kind: 'id', id, origin };
    return { kind: 'invalid', reason: 'That tiny link (/x/…) could not be decoded.' };
  }
  const displayAt = segments.lastIndexOf('display');
  if (displayAt >= 0 && segments[displayAt + 1] && segments[displayAt + 2]) {
    return {
      kind: 'title',
      spaceKey: decodeSegment(segments[displayAt + 1]!),
      title: decodeSegment(segments[displayAt + 2]!),
      origin,
    };
  }
  return {
    kind: 'invalid',
    reason:
      'This URL does not point at a Confluence page (expected …/pages/123…, ?pageId=…, /x/… or /display/SPACE/Title).',
  };
}
