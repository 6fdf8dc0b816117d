/**
 * The preview frame's Content-Security-Policy, written by the app (security.md XSS-6): nothing
 * loads from the network except same-origin images (attachments through the app's proxy), and no
 * script runs even if the sandbox were lifted.
 */
export const PREVIEW_CSP =
  "default-src 'none'; img-src data: blob: 'self'; style-src 'unsafe-inline'";

/**
 * The whole `srcdoc` of the preview iframe: doctype, CSP meta, the preview stylesheet, then the
 * sanitized HTML exactly as the sanitizer returned it (XSS-1: nothing transforms it afterwards;
 * it is only placed after the app-written head).
 */
export function buildPreviewDocument(sanitizedHtml: string, css: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${css}</style></head><body>` +
    sanitizedHtml +
    '</body></html>'
  );
}
