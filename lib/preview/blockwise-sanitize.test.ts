import { beforeAll, describe, expect, it } from 'vitest';

import { renderDocument, type RenderOptions } from '@/lib/storage-format/render';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';
import { ECHO_BUILDERS, storageBody } from '@/lib/storage-format/render/xss-embedding';
import { parseStorage } from '@/lib/storage-format/parse';
import { readCorpus } from '@/lib/storage-format/testing/corpus';

import { splitTopLevelBlocks } from './preview-blocks';

const purify = createNodeSanitizer();

/** The writer's output exactly as the pipeline hands it to DOMPurify (ids unprefixed). */
function writerOutput(source: string, options: RenderOptions = {}): string {
  let raw = '';
  renderDocument(parseStorage(source), {
    ...options,
    sanitizer: (html) => {
      raw = html;
      return html;
    },
  });
  return raw;
}

/**
 * What the frame does with HTML given whole (Confluence's rendering, unplacedBlocks in
 * preview-dom.ts) and, cut by the incremental render instead, with the instant preview's: each
 * top-level block through DOMPurify on its own, when it is shown.
 */
function sanitizedBlockwise(html: string): string {
  return splitTopLevelBlocks(html)
    .map((block) => purify(block))
    .join('');
}

/** Sanitizing block by block must give what sanitizing the whole gives (docs/security.md XSS-2). */
function expectBlockwiseEqualsWhole(html: string): void {
  expect(sanitizedBlockwise(html)).toBe(purify(html));
}

describe('sanitizing block by block equals sanitizing the whole', () => {
  it.each(['valid', 'invalid', 'edge-cases'] as const)('over corpus/storage/%s', (kind) => {
    const corpus = readCorpus(kind);
    expect(corpus.length).toBeGreaterThan(0);
    for (const { name, body } of corpus) {
      const html = writerOutput(body, { attachmentUrl: (ref) => `/att/${ref.filename}` });
      expect.soft(sanitizedBlockwise(html), name).toBe(purify(html));
    }
  });

  describe('over every XSS payload embedding', () => {
    let payloads: XssPayload[] = [];
    beforeAll(async () => {
      payloads = await loadXssPayloads();
    });

    it('in every place a page author controls', { timeout: 120_000 }, () => {
      expect(payloads.length).toBeGreaterThan(100);
      // One render per payload (parse recovery cannot mix them), compared a batch at a time.
      for (let i = 0; i < payloads.length; i += 25) {
        const batch = payloads.slice(i, i + 25);
        expectBlockwiseEqualsWhole(
          batch.map(({ payload }) => writerOutput(storageBody(payload), ECHO_BUILDERS)).join(''),
        );
      }
    });

    it('as whole (broken) bodies', () => {
      for (let i = 0; i < payloads.length; i += 25) {
        const batch = payloads.slice(i, i + 25);
        expectBlockwiseEqualsWhole(batch.map(({ payload }) => writerOutput(payload)).join(''));
      }
    });
  });
});
