import { buildPreviewShell } from '@/lib/preview/preview-document';
import { defaultSanitizer, type Sanitizer } from '@/lib/storage-format/render/sanitizer';

import { APP_POLICY_NAMES } from './trusted-types-header';

/**
 * The app's own Trusted Types policies for the preview (docs/security.md XSS-9). Every HTML sink the
 * app writes goes through one of them:
 *
 * - `app-preview` turns a block of preview HTML into TrustedHTML for the frame's
 *   `createContextualFragment` (preview-dom.ts). Its createHTML runs the input through DOMPurify
 *   with the preview's one config (XSS-2) and returns DOMPurify's output, so whatever reaches the
 *   frame through it is sanitized, whoever the caller is, and not merely "trusted because the
 *   caller says so". It is also the preview's only sanitizing step: the instant preview hands
 *   the frame the writer's blocks, and the frame sanitizes a block when it first shows it.
 *   DOMPurify parses with its own `dompurify` policy: with `TRUSTED_TYPES_POLICY: null` (the
 *   README's suggestion for use inside a policy) it hands DOMParser a plain string, which an
 *   enforced document refuses; DOMPurify then returns ''. Checked in Chromium, see
 *   trusted-types-header.ts.
 * - `app-preview-shell` turns the frame's shell (doctype, CSP meta, stylesheet, empty body) into
 *   TrustedHTML for `srcdoc`. The shell must keep its `<meta>` and `<style>`, which DOMPurify
 *   removes, so this policy does not sanitize: it accepts only the string that
 *   {@link trustedPreviewShell} has just built with buildPreviewShell, and throws for any other.
 *
 * Without Trusted Types in the browser (or in jsdom) the same functions return plain strings, and
 * `app-preview` still sanitizes, so the preview behaves the same everywhere.
 */

/** What the module needs of the browser's TrustedTypePolicyFactory (a fake in unit tests). */
export interface HtmlPolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML: (input: string) => string },
  ): { createHTML(input: string): TrustedHTML };
}

export interface PreviewTrustedTypes {
  /** A block of preview HTML, sanitized, for the frame's parser. */
  previewHtml(html: string): TrustedHTML | string;
  /** The frame's shell document for `srcdoc`, built here from the CSP and stylesheet. */
  previewShell(csp: string, css: string): TrustedHTML | string;
}

export function createPreviewTrustedTypes(
  factory: HtmlPolicyFactory | undefined,
  sanitize: Sanitizer,
): PreviewTrustedTypes {
  let shellBeingBuilt: string | null = null;
  const preview = factory?.createPolicy(APP_POLICY_NAMES.preview, { createHTML: sanitize });
  const shell = factory?.createPolicy(APP_POLICY_NAMES.previewShell, {
    createHTML: (input) => {
      if (shellBeingBuilt === null || input !== shellBeingBuilt) {
        throw new TypeError(
          `The ${APP_POLICY_NAMES.previewShell} policy only accepts the preview shell it builds`,
        );
      }
      return input;
    },
  });
  return {
    previewHtml: (html) => (preview ? preview.createHTML(html) : sanitize(html)),
    previewShell(csp, css) {
      const built = buildPreviewShell(csp, css);
      if (!shell) return built;
      shellBeingBuilt = built;
      try {
        return shell.createHTML(built);
      } finally {
        shellBeingBuilt = null;
      }
    },
  };
}

// One set per document: policies are created once, and a second module instance (a duplicated
// chunk) must reuse them rather than create more. Tests put their own set there
// (trusted-types-test-support.ts).
export const INSTANCE_KEY = Symbol.for('pagewright.previewTrustedTypes');

function browserPreviewTrustedTypes(): PreviewTrustedTypes {
  const holder = globalThis as typeof globalThis & { [INSTANCE_KEY]?: PreviewTrustedTypes };
  holder[INSTANCE_KEY] ??= createPreviewTrustedTypes(
    (globalThis as { trustedTypes?: unknown }).trustedTypes as HtmlPolicyFactory | undefined,
    // Resolved on first use: the shell is also built during server rendering, where there is
    // no DOM for DOMPurify (and no preview block is ever sanitized).
    (html) => defaultSanitizer()(html),
  );
  return holder[INSTANCE_KEY];
}

/** A block of preview HTML, sanitized, as TrustedHTML (a plain string without Trusted Types). */
export function trustedPreviewHtml(html: string): TrustedHTML | string {
  return browserPreviewTrustedTypes().previewHtml(html);
}

/** The preview frame's shell as TrustedHTML for `srcdoc` (a plain string without Trusted Types). */
export function trustedPreviewShell(csp: string, css: string): TrustedHTML | string {
  return browserPreviewTrustedTypes().previewShell(csp, css);
}
