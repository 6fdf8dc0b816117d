import { describe, expect, it } from 'vitest';

import { PREVIEW_CSS } from '@/lib/storage-format/render/preview-css';

import { buildPreviewShell, previewCsp, themedPreviewCss } from './preview-document';

describe('preview document', () => {
  it('allows images from exactly the app origin and data: unless external images are allowed', () => {
    expect(previewCsp({ appOrigin: 'http://127.0.0.1:3000/', allowExternalImages: false })).toBe(
      "default-src 'none'; img-src http://127.0.0.1:3000 data:; style-src 'unsafe-inline'",
    );
    expect(previewCsp({ appOrigin: 'https://pw.example', allowExternalImages: true })).toBe(
      "default-src 'none'; img-src https://pw.example data: https:; style-src 'unsafe-inline'",
    );
  });

  it('writes the CSP meta before the stylesheet and leaves the body empty for the patcher', () => {
    const csp = previewCsp({ appOrigin: 'http://a.test', allowExternalImages: false });
    const shell = buildPreviewShell(csp, 'p{color:red}');
    expect(shell.startsWith('<!doctype html>')).toBe(true);
    expect(shell).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
    expect(shell.indexOf('Content-Security-Policy')).toBeLessThan(shell.indexOf('<style>'));
    expect(shell).toContain('<style>p{color:red}</style>');
    expect(shell.endsWith('<body></body></html>')).toBe(true);
  });

  it('a stylesheet cannot close its own <style>', () => {
    expect(buildPreviewShell('x', 'a{}</style><p>')).toContain('<style>a{}<\\/style><p></style>');
  });

  it('adds light and dark palettes keyed on data-theme to the preview stylesheet', () => {
    const css = themedPreviewCss(PREVIEW_CSS);
    expect(css.startsWith(PREVIEW_CSS)).toBe(true);
    const light = /:root\[data-theme="light"\] \{ color-scheme: light; ([^}]*)\}/.exec(css);
    const dark = /:root\[data-theme="dark"\] \{ color-scheme: dark; ([^}]*)\}/.exec(css);
    expect(light?.[1]).toContain('--pw-bg: #ffffff');
    expect(light?.[1]).not.toContain('color-scheme');
    expect(dark?.[1]).toContain('--pw-bg: #1d2125');
  });

  it('leaves a stylesheet without that shape alone', () => {
    expect(themedPreviewCss('p { color: red }')).toBe('p { color: red }');
  });
});
