/**
 * Confluence's view HTML points at its own site with context-relative URLs (`/wiki/download/…`,
 * `/wiki/images/icons/emoticons/…`, `/plugins/servlet/…`). Shown as they are inside Pagewright,
 * they would load from Pagewright's own origin and 404. Each one is rewritten here:
 * - attachments and thumbnails → the attachment proxy (`/api/pages/{id}/attachments/{file}`);
 * - any other resource of the site (emoticons, icons, placeholders) → the resource proxy
 *   (`/api/resources?path=…`), which serves images only;
 * - links to the site → absolute URLs of the site (a click never lands on Pagewright);
 * - URLs of other origins stay as they are: the preview frame's CSP and image guard load them
 *   only once the user ticks "Load external images".
 * `srcset` is dropped: its candidates would bypass the rewriting.
 */
export interface ViewResourceContext {
  /** The signed-in site: origin plus context path (`https://acme.atlassian.net/wiki`). */
  siteBaseUrl: string;
}

/** Attributes whose value a browser loads without a click. */
const RESOURCE_ATTRIBUTES = new Set(['src', 'data-image-src', 'poster']);
const ATTRIBUTE = /\s(src|href|data-image-src|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ATTACHMENT_PATH = /\/download\/(?:attachments|thumbnails)\/(\d+)\/([^/?#]+)$/;

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The new value of one URL attribute, or null to drop the attribute. */
export function rewriteViewUrl(
  attribute: string,
  raw: string,
  { siteBaseUrl }: ViewResourceContext,
): string | null {
  const value = raw.trim();
  if (value === '' || value.startsWith('#')) return value;
  const site = new URL(siteBaseUrl);
  let url: URL;
  try {
    url = new URL(value, site.origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // mailto: links may stay; any other scheme in a resource never loads.
    return RESOURCE_ATTRIBUTES.has(attribute) || url.protocol !== 'mailto:' ? null : value;
  }
  if (url.origin !== site.origin) return url.href;
  const attachment = ATTACHMENT_PATH.exec(url.pathname);
  if (attachment) {
    const [, owner, file] = attachment;
    return `/api/pages/${owner}/attachments/${encodeURIComponent(safeDecode(file!))}`;
  }
  if (RESOURCE_ATTRIBUTES.has(attribute)) {
    return `/api/resources?path=${encodeURIComponent(url.pathname + url.search)}`;
  }
  return url.href;
}

/** Rewrites every URL attribute of Confluence's view HTML (see the module comment). */
export function rewriteViewResources(html: string, context: ViewResourceContext): string {
  return html.replace(
    ATTRIBUTE,
    (_match, name: string, doubleQuoted?: string, singleQuoted?: string) => {
      const attribute = name.toLowerCase();
      if (attribute === 'srcset') return '';
      const next = rewriteViewUrl(
        attribute,
        decodeEntities(doubleQuoted ?? singleQuoted ?? ''),
        context,
      );
      return next === null ? '' : ` ${attribute}="${encodeAttribute(next)}"`;
    },
  );
}
