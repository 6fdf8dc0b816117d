import { ConfluenceError } from './errors';
import type { ConfluenceTransport } from './transport';

/**
 * Where on a Confluence site the exact preview may fetch a resource through Pagewright: static
 * images (emoticons, icons), theme resources, the placeholders Confluence draws for missing
 * files, downloads and avatars. Never the APIs or pages: the proxy is not a way to read the site.
 */
const RESOURCE_PATH =
  /^\/(?:images|s|download|aa-avatar|plugins\/servlet\/confluence\/placeholder)\//;

/** Types the proxy passes on: images only (SVG only to image loads, see the resource route). */
export const RESOURCE_TYPES = /^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml)$/;

/**
 * A resource of the signed-in site by its origin-relative path (`/wiki/images/icons/…`), as
 * Confluence's view HTML names it. `transportBase` is the client's base (origin plus the path
 * API requests start at); the resource must lie below it and inside RESOURCE_PATH.
 */
export async function downloadSiteResource(
  http: ConfluenceTransport,
  transportBase: string,
  originRelativePath: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  const base = new URL(transportBase.endsWith('/') ? transportBase : `${transportBase}/`);
  const url = new URL(originRelativePath, base.origin);
  const context = base.pathname.replace(/\/$/, '');
  const below = url.pathname.startsWith(`${context}/`) ? url.pathname.slice(context.length) : null;
  // Cloud's transport base is the bare origin, while its resources live under /wiki.
  const inside = below === null ? null : below.replace(/^\/wiki(?=\/)/, '');
  if (
    url.origin !== base.origin ||
    inside === null ||
    !RESOURCE_PATH.test(inside) ||
    /(^|\/)\.\.?(\/|$)/.test(url.pathname)
  ) {
    throw new ConfluenceError('not_found', 'Not a resource Pagewright fetches for the preview.');
  }
  return http.download(`${below!.replace(/^\//, '')}${url.search}`);
}
