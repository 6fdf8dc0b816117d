import { beforeAll, describe, expect, it } from 'vitest';

import { IncrementalDocument } from '@/lib/storage-format/incremental/incremental-document';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderDocument, type RenderOptions } from '@/lib/storage-format/render';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';
import { ECHO_BUILDERS, storageBody } from '@/lib/storage-format/render/xss-embedding';

const purify = createNodeSanitizer();

/**
 * A small page with what other blocks depend on (a heading, the toc listing it): DOMPurify over
 * jsdom costs about 5 ms per KB, and the full pipeline sanitizes the whole page every step.
 */
const PAGE = '<h1>Title</h1>\n<ac:structured-macro ac:name="toc" />\n<p>before</p>\n<p>after</p>\n';

/** How many pieces each embedding is typed in (every cut leaves a different broken body). */
const PIECES = 3;

/**
 * The incremental document against the full pipeline (parse, render, DOMPurify), with every XSS
 * payload typed into a page in pieces and cut out again: the sanitized HTML must be the same
 * after every step (docs/security.md XSS-2). The frame's blockwise sanitizing against whole-page
 * DOMPurify is incremental-frame.xss.test.ts's and blockwise-sanitize.test.ts's job.
 */
describe('the incremental instant preview with XSS payloads typed in', () => {
  let payloads: XssPayload[] = [];
  beforeAll(async () => {
    payloads = await loadXssPayloads();
  });

  it('sanitizes to what the full pipeline gives, after every step', { timeout: 120_000 }, () => {
    expect(payloads.length).toBeGreaterThan(300);
    const middle = PAGE.indexOf('<p>after');
    const document = new IncrementalDocument();
    const options: RenderOptions = {
      ...ECHO_BUILDERS,
      sanitizer: purify,
    };
    const full = (text: string) =>
      renderDocument(parseStorage(text), {
        ...ECHO_BUILDERS,
        sanitizer: purify,
      });
    for (const { source, payload } of payloads) {
      const embedded = storageBody(payload);
      const step = Math.ceil(embedded.length / PIECES);
      const texts: string[] = [];
      for (let typed = step; typed < embedded.length + step; typed += step) {
        texts.push(PAGE.slice(0, middle) + embedded.slice(0, typed) + PAGE.slice(middle));
      }
      texts.push(PAGE);
      for (const text of texts) {
        expect(document.update(text, options).html, source).toBe(full(text));
      }
    }
  });
});
