import { beforeAll, describe, expect, it } from 'vitest';

import { renderDocument, type RenderOptions } from '@/lib/storage-format/render';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';
import { ECHO_BUILDERS, storageBody } from '@/lib/storage-format/render/xss-embedding';
import { parseStorage } from '@/lib/storage-format/parse';
import { readCorpus } from '@/lib/storage-format/testing/corpus';

import { bodyContextParsing } from './body-context-test-support';
import { markerNonce, parseTogether } from './parse-together';
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
  expectTogetherEqualsBlockwise(html);
}

const { parse, serialize } = bodyContextParsing();

/** Sanitized and parsed in body context, as the frame's patcher does. */
const parseSanitized = (html: string) => parse(purify(html));

/** Blocks sanitized and parsed at once (parse-together.ts), where taken, give each block's own nodes. */
let together = 0;
function expectTogetherEqualsBlockwise(html: string): void {
  const blocks = splitTopLevelBlocks(html);
  const parts = parseTogether(blocks, parseSanitized, markerNonce());
  if (parts === null) return;
  together++;
  expect(parts.map((nodes) => nodes.map(serialize))).toEqual(
    blocks.map((block) => Array.from(parseSanitized(block).childNodes, serialize)),
  );
}

describe('sanitizing block by block equals sanitizing the whole', () => {
  it.each(['valid', 'invalid', 'edge-cases'] as const)('over corpus/storage/%s', (kind) => {
    const corpus = readCorpus(kind);
    expect(corpus.length).toBeGreaterThan(0);
    for (const { name, body } of corpus) {
      const html = writerOutput(body, { attachmentUrl: (ref) => `/att/${ref.filename}` });
      expect.soft(sanitizedBlockwise(html), name).toBe(purify(html));
      const before = together;
      expectTogetherEqualsBlockwise(html);
      // The writer closes what it opens: its blocks are always parsed together.
      expect.soft(together, name).toBe(before + 1);
    }
  });

  describe('over every XSS payload embedding', () => {
    let payloads: XssPayload[] = [];
    beforeAll(async () => {
      payloads = await loadXssPayloads();
    });

    it('in every place a page author controls', { timeout: 120_000 }, () => {
      expect(payloads.length).toBeGreaterThan(100);
      const before = together;
      // One render per payload (parse recovery cannot mix them), compared a batch at a time.
      for (let i = 0; i < payloads.length; i += 25) {
        const batch = payloads.slice(i, i + 25);
        expectBlockwiseEqualsWhole(
          batch.map(({ payload }) => writerOutput(storageBody(payload), ECHO_BUILDERS)).join(''),
        );
      }
      // The writer's blocks, whatever the payload, take the one-parse path.
      expect(together - before).toBe(Math.ceil(payloads.length / 25));
    });

    it('as whole (broken) bodies', () => {
      for (let i = 0; i < payloads.length; i += 25) {
        const batch = payloads.slice(i, i + 25);
        expectBlockwiseEqualsWhole(batch.map(({ payload }) => writerOutput(payload)).join(''));
      }
    });
  });
});
