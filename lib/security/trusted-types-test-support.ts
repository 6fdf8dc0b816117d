import type { Sanitizer } from '@/lib/storage-format/render/sanitizer';

import { createPreviewTrustedTypes, INSTANCE_KEY } from './trusted-types';

const holder = globalThis as Record<symbol, unknown>;

/**
 * Makes the app's Trusted Types module (trustedPreviewHtml, and so the preview patcher) sanitize
 * with `sanitize`, as in a browser without Trusted Types: in jsdom there is no window DOMPurify
 * for the module to find by itself. Returns the undo, for afterAll.
 */
export function installPreviewSanitizer(sanitize: Sanitizer): () => void {
  holder[INSTANCE_KEY] = createPreviewTrustedTypes(undefined, sanitize);
  return () => {
    delete holder[INSTANCE_KEY];
  };
}
