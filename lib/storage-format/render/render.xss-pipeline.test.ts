import { beforeAll, describe, expect, it } from 'vitest';

import { renderStorage } from './render';
import { testSanitizer, xssProblem } from './render-test-support';
import { loadXssPayloads, type XssPayload } from './xss-corpus';
import { batches, ECHO_BUILDERS, firstUnsafe, storageBody } from './xss-embedding';

/**
 * Every payload of the XSS corpora (DOMPurify's expect.mjs, H5SC) embedded in storage bodies in
 * every place a page author controls: text, attributes, link targets, image sources, macro
 * names and parameters, CDATA, the html macro — and as a whole broken body. The output must be
 * safe with AND without the DOMPurify layer: the writer alone is the first line of defence.
 * This file checks the full pipeline; render.xss-embedded.test.ts checks the writer alone (two
 * files, so the two heavy passes run in parallel workers).
 */

let payloads: XssPayload[] = [];
beforeAll(async () => {
  payloads = await loadXssPayloads();
});

describe('payloads embedded in storage bodies', () => {
  it('are safe through the full pipeline', () => {
    const sanitize = testSanitizer();
    for (const batch of batches(payloads)) {
      const render = (payload: string) =>
        renderStorage(storageBody(payload), { ...ECHO_BUILDERS, sanitizer: 'none' });
      // Sanitizing the joined batch is what renderDocument does with a body holding them all.
      expect(firstUnsafe(batch, render, (html) => xssProblem(sanitize(html)))).toBeNull();
    }
  });
});
