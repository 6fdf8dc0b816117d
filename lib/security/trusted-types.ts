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
 *   caller says so". The preview's blocks were sanitized a moment earlier by
 *   {@link sanitizedPreviewHtml}, which remembers the strings DOMPurify returned: such a string
 *   is passed as it is (it IS DOMPurify's output for this config), so each block is sanitized
 *   once, not twice. Any other string is sanitized here. DOMPurify parses with its own
 *   `dompurify` policy: with
 *   `TRUSTED_TYPES_POLICY: null` (the README's suggestion for use inside a policy) it hands
 *   DOMParser a plain string, which an enforced document refuses; DOMPurify then returns ''.
 *   Checked in Chromium, see trusted-types-header.ts.
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
  /** DOMPurify's output for `html`, remembered so that previewHtml need not sanitize it again. */
  sanitize(html: string): string;
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
  const clean = createCleanOutputMemory();
  const sanitizeAndRemember = (html: string) => clean.remember(sanitize(html));
  const preview = factory?.createPolicy(APP_POLICY_NAMES.preview, {
    createHTML: (input) => (clean.has(input) ? input : sanitizeAndRemember(input)),
  });
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
    sanitize: sanitizeAndRemember,
    previewHtml: (html) =>
      preview ? preview.createHTML(html) : clean.has(html) ? html : sanitizeAndRemember(html),
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

/**
 * Strings DOMPurify returned lately, so the `app-preview` policy can tell a block the preview has
 * just sanitized from anything else. Two generations bound the memory (a page's blocks, twice,
 * at most): when the current one is full it becomes the previous one and the oldest is dropped.
 * The strings are the same objects the block sanitizer's cache holds, so this costs no copies.
 * Forgetting is always safe: a forgotten string is simply sanitized again.
 */
export const CLEAN_MEMORY_GENERATION = 20_000;

function createCleanOutputMemory() {
  let current = new Set<string>();
  let previous = new Set<string>();
  return {
    has: (html: string) => current.has(html) || previous.has(html),
    remember(html: string): string {
      if (current.size >= CLEAN_MEMORY_GENERATION) {
        previous = current;
        current = new Set();
      }
      current.add(html);
      return html;
    },
  };
}

// One set per document: policies are created once, and a second module instance (a duplicated
// chunk) must reuse them rather than create more.
const INSTANCE_KEY = Symbol.for('pagewright.previewTrustedTypes');

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

/**
 * DOMPurify (the preview's one config) for the instant preview's blocks: the output is remembered,
 * so the same block reaches the frame through {@link trustedPreviewHtml} without a second pass.
 */
export function sanitizedPreviewHtml(html: string): string {
  return browserPreviewTrustedTypes().sanitize(html);
}

/** A block of sanitized preview HTML as TrustedHTML (a plain string without Trusted Types). */
export function trustedPreviewHtml(html: string): TrustedHTML | string {
  return browserPreviewTrustedTypes().previewHtml(html);
}

/** The preview frame's shell as TrustedHTML for `srcdoc` (a plain string without Trusted Types). */
export function trustedPreviewShell(csp: string, css: string): TrustedHTML | string {
  return browserPreviewTrustedTypes().previewShell(csp, css);
}
