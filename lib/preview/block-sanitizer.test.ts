import { beforeAll, describe, expect, it } from 'vitest';

import { renderDocument, type RenderOptions, type Sanitizer } from '@/lib/storage-format/render';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';
import { ECHO_BUILDERS, storageBody } from '@/lib/storage-format/render/xss-embedding';
import { parseStorage } from '@/lib/storage-format/parse';
import { readCorpus } from '@/lib/storage-format/testing/corpus';

import { createBlockSanitizer } from './block-sanitizer';

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

/** Sanitizing block by block (nothing cached) must give what sanitizing the whole gives. */
function expectBlockwiseEqualsWhole(html: string): void {
  const blockwise = createBlockSanitizer(purify).sanitize(html);
  expect(blockwise).toBe(purify(html));
}

describe('createBlockSanitizer', () => {
  it('sanitizes only blocks it has not seen in the previous call', () => {
    const calls: string[] = [];
    const counting: Sanitizer = (html) => {
      calls.push(html);
      return purify(html);
    };
    const blocks = createBlockSanitizer(counting);
    const first = '<h1 data-source-line="1">T</h1><p data-source-line="2">one</p><p>two</p>';
    expect(blocks.sanitize(first)).toBe(purify(first));
    expect(blocks.lastRun()).toEqual({ blocks: 3, sanitized: 3 });

    calls.length = 0;
    const second = '<h1 data-source-line="1">T</h1><p data-source-line="2">one!</p><p>two</p>';
    expect(blocks.sanitize(second)).toBe(purify(second));
    expect(calls).toEqual(['<p data-source-line="2">one!</p>']);
    expect(blocks.lastRun()).toEqual({ blocks: 3, sanitized: 1 });
  });

  it('sanitizes a block repeated within one call once', () => {
    const calls: string[] = [];
    const blocks = createBlockSanitizer((html) => {
      calls.push(html);
      return purify(html);
    });
    expect(blocks.sanitize('<p>same</p><p>same</p><hr><p>same</p>')).toBe(
      '<p>same</p><p>same</p><hr><p>same</p>',
    );
    expect(calls).toEqual(['<p>same</p>', '<hr>']);
  });

  it('keeps only the last call’s blocks', () => {
    const calls: string[] = [];
    const blocks = createBlockSanitizer((html) => {
      calls.push(html);
      return purify(html);
    });
    blocks.sanitize('<p>a</p>');
    blocks.sanitize('<p>b</p>');
    blocks.sanitize('<p>a</p>');
    expect(calls).toEqual(['<p>a</p>', '<p>b</p>', '<p>a</p>']);
  });

  it('removes what DOMPurify removes, block by block', () => {
    // Not writer output, but the cache must never let anything past the sanitizer.
    const blocks = createBlockSanitizer(purify);
    const html = '<p>ok</p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a>';
    const clean = blocks.sanitize(html);
    expect(clean).not.toMatch(/onerror|javascript:/);
    expect(blocks.sanitize(html)).toBe(clean);
  });

  it('gives the same result with a warm cache as with a cold one across edits', () => {
    const blocks = createBlockSanitizer(purify);
    const base = readCorpus('valid')[0]!.body;
    for (const edit of ['', '<p>new</p>', '<p>new <strong>text</strong></p>', '<h2>x</h2>']) {
      const html = writerOutput(base + edit);
      expect(blocks.sanitize(html)).toBe(purify(html));
    }
  });
});

describe('sanitizing block by block equals sanitizing the whole', () => {
  it.each(['valid', 'invalid', 'edge-cases'] as const)('over corpus/storage/%s', (kind) => {
    const corpus = readCorpus(kind);
    expect(corpus.length).toBeGreaterThan(0);
    for (const { name, body } of corpus) {
      const html = writerOutput(body, { attachmentUrl: (ref) => `/att/${ref.filename}` });
      expect.soft(createBlockSanitizer(purify).sanitize(html), name).toBe(purify(html));
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
