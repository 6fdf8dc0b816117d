import type { Flavour } from '../http/context';
import type { PageRecord } from '../store/types';

/**
 * Tiny link code as Confluence makes it: the page id's little-endian bytes in base64, `=` dropped,
 * `/`→`-`, `+`→`_`, trailing `A`s stripped.
 */
export function tinyCode(id: string): string {
  let value = BigInt(id);
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.push(Number(value & 0xffn));
    value >>= 8n;
  }
  while (bytes.length < 4) bytes.push(0);
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_')
    .replace(/A+$/, '');
}

function titleSegment(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

/**
 * Browser link relative to `base`: Cloud `/spaces/KEY/pages/ID/Title`; DC `/display/KEY/Title`,
 * or `viewpage.action?pageId=` for titles DC will not put in a path (non-ASCII, `?`, `/`…).
 */
export function pageWebui(flavour: Flavour, page: PageRecord): string {
  const title = page.current.title;
  if (flavour === 'cloud')
    return `/spaces/${page.spaceKey}/pages/${page.id}/${titleSegment(title)}`;
  if (/^[\x20-\x7e]*$/.test(title) && !/[?/\\&#%:+;]/.test(title)) {
    return `/display/${page.spaceKey}/${titleSegment(title)}`;
  }
  return `/pages/viewpage.action?pageId=${page.id}`;
}

/** Edit link relative to `base`. */
export function pageEditLink(page: PageRecord): string {
  return `/pages/resumedraft.action?draftId=${page.id}`;
}

/** Space home link relative to `base`. */
export function spaceWebui(flavour: Flavour, key: string): string {
  return flavour === 'cloud' ? `/spaces/${key}` : `/display/${key}`;
}

/** Attachment download link relative to `base`, with Confluence's query string. */
export function attachmentDownload(
  pageId: string,
  title: string,
  version: number,
  created: string,
): string {
  return `/download/attachments/${pageId}/${encodeURIComponent(title)}?version=${version}&modificationDate=${Date.parse(created)}&api=v2`;
}
