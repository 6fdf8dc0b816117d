import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

import { RENDER_DATA_ATTRIBUTES } from './html-writer';

/**
 * The preview's second safety layer (docs/security.md XSS-2): the writer is already safe by
 * construction, and DOMPurify re-checks its output with ONE config. Add tags or attributes here
 * only together with a test; `sanitizer.test.ts` fails if script-capable tags become allowed.
 */

/** Turns rendered HTML into HTML safe to put in the preview frame. */
export type Sanitizer = (html: string) => string;

export const DOMPURIFY_CONFIG = Object.freeze({
  USE_PROFILES: Object.freeze({ html: true }),
  FORBID_TAGS: Object.freeze([
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'base',
    'meta',
    'link',
  ]),
  FORBID_ATTR: Object.freeze(['srcset', 'formaction']),
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
  // Exactly the data-* attributes the writer emits (scroll sync, macro names, fidelity labels).
  ADD_ATTR: Object.freeze([...RENDER_DATA_ATTRIBUTES]),
});

/** DOMPurify wants mutable arrays; hand it a fresh copy so the exported constant stays frozen. */
function domPurifyConfig(): Config {
  return {
    USE_PROFILES: { ...DOMPURIFY_CONFIG.USE_PROFILES },
    FORBID_TAGS: [...DOMPURIFY_CONFIG.FORBID_TAGS],
    FORBID_ATTR: [...DOMPURIFY_CONFIG.FORBID_ATTR],
    SANITIZE_NAMED_PROPS: DOMPURIFY_CONFIG.SANITIZE_NAMED_PROPS,
    ALLOW_DATA_ATTR: DOMPURIFY_CONFIG.ALLOW_DATA_ATTR,
    ADD_ATTR: [...DOMPURIFY_CONFIG.ADD_ATTR],
  };
}

/**
 * Builds a sanitizer from DOMPurify bound to `window` (the browser's, or a jsdom window on the
 * server). Note that `SANITIZE_NAMED_PROPS` prefixes every `id` with `user-content-`; the
 * renderer's in-page links already point at the prefixed ids.
 */
export function createDomPurifySanitizer(window: WindowLike): Sanitizer {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('DOMPurify is not supported by the given window');
  // Set once on this instance (no one else uses it): a config passed with each call is parsed
  // again each time, which the instant preview, sanitizing block by block, would pay per block.
  purify.setConfig(domPurifyConfig());
  return (html) => purify.sanitize(html);
}

let browserSanitizer: Sanitizer | undefined;

/**
 * The sanitizer used when none is passed: DOMPurify on the page's own window in a browser.
 * Node has no DOM, and silently skipping the layer would be unsafe, so there it throws.
 */
export function defaultSanitizer(): Sanitizer {
  if (browserSanitizer !== undefined) return browserSanitizer;
  if (typeof globalThis.document === 'undefined') {
    throw new Error(
      'renderStorage: no DOM here, so DOMPurify cannot run. In Node pass ' +
        '`sanitizer: createNodeSanitizer()` (lib/storage-format/render/node-sanitizer), or ' +
        "`sanitizer: 'none'` where a later stage sanitizes.",
    );
  }
  browserSanitizer = createDomPurifySanitizer(globalThis as unknown as WindowLike);
  return browserSanitizer;
}
