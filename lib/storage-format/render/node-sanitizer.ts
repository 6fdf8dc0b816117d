import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';

import { createDomPurifySanitizer, type Sanitizer } from './sanitizer';

/**
 * DOMPurify over jsdom, for Node (tests, benches, server-side rendering). Kept out of
 * `index.ts` on purpose: the browser bundle must never pull in jsdom.
 */
export function createNodeSanitizer(): Sanitizer {
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
  return createDomPurifySanitizer(window as unknown as WindowLike);
}
