/**
 * Which URLs the preview may emit. Links: http(s), mailto, relative paths and `#anchors`.
 * Images: http(s), relative paths (the app's own attachment proxy) and raster `data:image/…`
 * (what a proxy may inline). Everything else — `javascript:`, `vbscript:`, `data:text/html`,
 * `file:` … — is refused. Applies equally to URLs returned by the caller's URL builders.
 */

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp|avif)[;,]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/** How much of a URL the scheme checks read. */
const PROBE_LENGTH = 65;

/**
 * Browsers ignore ASCII whitespace and control characters when they read a scheme
 * (`java\tscript:` is `javascript:`), so the scheme is read from a copy without them. Nearly
 * every URL has none: its start is then the copy, taken in one slice.
 */
function schemeProbe(raw: string): string {
  const end = Math.min(raw.length, PROBE_LENGTH);
  for (let i = 0; i < end; i++) {
    if (isIgnoredInScheme(raw.charCodeAt(i))) return probeSkippingIgnored(raw);
  }
  return raw.slice(0, end).toLowerCase();
}

function probeSkippingIgnored(raw: string): string {
  let probe = '';
  for (let i = 0; i < raw.length; i++) {
    if (!isIgnoredInScheme(raw.charCodeAt(i))) probe += raw[i];
    if (probe.length >= PROBE_LENGTH) break;
  }
  return probe.toLowerCase();
}

function isIgnoredInScheme(code: number): boolean {
  return code <= 0x20 || code === 0x7f;
}

/** Returns the URL to put in `href`, or null when it must not be linked. */
export function safeLinkUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const url = raw.trim();
  if (url === '') return null;
  const scheme = SCHEME.exec(schemeProbe(url));
  if (scheme === null) return url;
  return LINK_SCHEMES.has(scheme[1]!) ? url : null;
}

/** Returns the URL to put in `src`, or null when it must not be loaded. */
export function safeImageUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const url = raw.trim();
  if (url === '') return null;
  const probe = schemeProbe(url);
  const scheme = SCHEME.exec(probe);
  if (scheme === null) return url;
  if (IMAGE_SCHEMES.has(scheme[1]!)) return url;
  return RASTER_DATA_IMAGE.test(probe) ? url : null;
}

/** True for absolute http(s) URLs only (what `ri:url` images may use). */
export function isHttpUrl(raw: string): boolean {
  const scheme = SCHEME.exec(schemeProbe(raw.trim()));
  return scheme !== null && IMAGE_SCHEMES.has(scheme[1]!);
}
