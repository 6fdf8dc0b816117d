/**
 * The preview frame's own document: a shell (doctype, CSP meta, stylesheet, empty body) that the
 * app writes as `srcdoc`; the sanitized blocks are then patched into its body (preview-dom.ts).
 */

export interface PreviewPolicy {
  /** The app's origin (`location.origin`): attachment images come through its proxy. */
  appOrigin: string;
  /** The user allowed external images: any https image may load. */
  allowExternalImages: boolean;
}

/**
 * The frame's Content-Security-Policy (docs/security.md XSS-6), written by the app: no script, no
 * fonts, no CSS `url()` beacons; images only from the app origin (spelt out, because what
 * 'self' means in a srcdoc document varies) and data:, plus https: once the user allows external
 * images. The app's own CSP is inherited too, and the stricter of the two wins.
 */
export function previewCsp({ appOrigin, allowExternalImages }: PreviewPolicy): string {
  const origin = new URL(appOrigin).origin;
  const images = allowExternalImages ? `${origin} data: https:` : `${origin} data:`;
  return `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The shell `srcdoc`: the CSP meta comes first, before anything could load. */
export function buildPreviewShell(csp: string, css: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${css.replace(/<\//g, '<\\/')}</style></head><body></body></html>`
  );
}

/** Styles for what the frame itself adds: images that failed to load (see preview-frame.tsx). */
export const FRAME_EXTRA_CSS =
  '\nimg.pw-image-failed { display: inline-block; min-width: 12em; min-height: 1.6em; padding: 2px 8px;' +
  ' border: 1px dashed var(--pw-border); border-radius: 3px; color: var(--pw-muted); font-size: 12px; }\n';

/** Finds the `{…}` block opening at `open` (index of `{`); returns the index after its `}`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

const DARK_QUERY = '@media (prefers-color-scheme: dark)';

/**
 * The preview stylesheet made to follow the app's theme rather than only the system's:
 * PREVIEW_CSS declares its light palette on `:root` and its dark one under
 * `@media (prefers-color-scheme: dark) { :root {…} }`. This appends both palettes again under
 * `:root[data-theme="light"]` / `:root[data-theme="dark"]` (more specific, so they win over the
 * media query), and the frame's <html> carries the app's theme in `data-theme`.
 * Returns the stylesheet unchanged if it does not have that shape.
 */
export function themedPreviewCss(css: string): string {
  const lightStart = css.indexOf(':root');
  const mediaStart = css.indexOf(DARK_QUERY);
  if (lightStart < 0 || mediaStart < 0) return css;
  const lightOpen = css.indexOf('{', lightStart);
  const lightEnd = blockEnd(css, lightOpen);
  const mediaOpen = css.indexOf('{', mediaStart);
  const mediaEnd = blockEnd(css, mediaOpen);
  if (lightEnd < 0 || mediaEnd < 0) return css;
  const darkRootOpen = css.indexOf('{', css.indexOf(':root', mediaOpen));
  const darkRootEnd = blockEnd(css, darkRootOpen);
  if (darkRootOpen < 0 || darkRootEnd < 0 || darkRootEnd > mediaEnd) return css;
  const lightBody = css.slice(lightOpen + 1, lightEnd - 1).replace(/color-scheme:[^;]*;/, '');
  const darkBody = css.slice(darkRootOpen + 1, darkRootEnd - 1);
  return (
    css +
    `\n:root[data-theme="light"] { color-scheme: light; ${lightBody.trim()} }` +
    `\n:root[data-theme="dark"] { color-scheme: dark; ${darkBody.trim()} }\n`
  );
}
