/**
 * URL policy for pasted links and images. Browsers ignore ASCII tabs and newlines anywhere in a
 * URL and C0 controls/spaces around it, so `jav&#9;ascript:` is `javascript:`; the scheme is
 * read only after the same clean-up, and the cleaned value is what gets written.
 */
function cleanUrl(raw: string): string {
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function schemeOf(url: string): string | null {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return match ? match[1]!.toLowerCase() : null;
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The href to keep: http(s), mailto, relative or `#anchor`; null for anything else. */
export function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const url = cleanUrl(raw);
  if (url === '' || /[\u0000-\u001f\u007f]/.test(url)) return null;
  const scheme = schemeOf(url);
  return scheme === null || LINK_SCHEMES.has(scheme) ? url : null;
}

export type ImageTarget = { kind: 'url'; url: string } | { kind: 'attachment'; filename: string };

/**
 * Where an `<img src>` points in storage terms: an external http(s) URL, or — for a relative
 * path such as Confluence's own `/download/attachments/1/a.png?version=2` — an attachment of
 * the page named by the last path segment. Data, script and local-file URLs give null.
 */
export function imageTarget(raw: string | undefined): ImageTarget | null {
  if (raw === undefined) return null;
  let url = cleanUrl(raw);
  if (url === '' || /[\u0000-\u001f\u007f]/.test(url)) return null;
  if (url.startsWith('//')) url = `https:${url}`;
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https') return { kind: 'url', url };
  if (scheme !== null) return null;
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const segment = path.slice(path.lastIndexOf('/') + 1);
  let filename = segment;
  try {
    filename = decodeURIComponent(segment);
  } catch {
    // A malformed %-escape: keep the segment as written.
  }
  filename = filename.trim();
  return filename === '' || filename === '.' || filename === '..'
    ? null
    : { kind: 'attachment', filename };
}
