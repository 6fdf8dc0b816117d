import type { Sanitizer } from '@/lib/storage-format/render';

import { splitTopLevelBlocks } from './preview-blocks';

/**
 * DOMPurify for the instant preview, one top-level block at a time, remembering the blocks of the
 * previous render: typing changes one block, so a keystroke sanitizes one block instead of the
 * whole page (on a 20 KB page the whole-page pass was most of a keystroke's work).
 *
 * Why this is the same as sanitizing the whole (docs/security.md XSS-2):
 * - Every byte returned has passed `sanitize` (the one DOMPurify config); nothing else is added.
 * - A cache hit returns what `sanitize` returned for exactly the same input string, and DOMPurify
 *   with a fixed config and no hooks is a pure function of its input.
 * - The writer's output is cut where its element tree is at depth 0: by preview-blocks.ts, or by
 *   the incremental render, whose blocks are whole top-level nodes of the body, each written on
 *   its own. Its tags come from an allowlist with no raw-text elements and its values are
 *   escaped, so each block parses on its own in body context as it does inside the whole;
 *   block-sanitizer.test.ts checks that joining the sanitized blocks equals sanitizing the whole
 *   over the storage corpus and every XSS payload embedding, and incremental-frame.xss.test.ts
 *   that the frame built from the incremental blocks equals the whole page sanitized at once.
 * - Source marks relative to a block's start (incremental-blocks.ts) are digits in the writer's
 *   own double-quoted attributes, sanitized with the rest; the frame then sets the attributes to
 *   numbers with setAttribute, which parses nothing.
 */
export interface BlockSanitizer {
  /** Sanitized `html` (the writer's output), reusing the previous call's sanitized blocks. */
  sanitize: Sanitizer;
  /**
   * The writer's output already cut into top-level blocks (the incremental render's blocks, each
   * a whole number of its top-level nodes), sanitized one by one, reusing the previous call's.
   */
  sanitizeBlocks(blocks: readonly string[]): string[];
  /** How many blocks the last call had, and how many of them went through `sanitize`. */
  lastRun(): { blocks: number; sanitized: number };
}

export function createBlockSanitizer(sanitize: Sanitizer): BlockSanitizer {
  let cache = new Map<string, string>();
  let sanitized = 0;
  let count = 0;
  const sanitizeBlocks = (blocks: readonly string[]): string[] => {
    const next = new Map<string, string>();
    sanitized = 0;
    count = blocks.length;
    const out = blocks.map((block) => {
      let clean = next.get(block) ?? cache.get(block);
      if (clean === undefined) {
        clean = sanitize(block);
        sanitized++;
      }
      next.set(block, clean);
      return clean;
    });
    // Only this render's blocks are kept: the cache never outgrows one page.
    cache = next;
    return out;
  };
  return {
    sanitize: (html) => sanitizeBlocks(splitTopLevelBlocks(html)).join(''),
    sanitizeBlocks,
    lastRun: () => ({ blocks: count, sanitized }),
  };
}
