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
 * - The writer's output is cut where its element tree is at depth 0 (preview-blocks.ts). Its tags
 *   come from an allowlist with no raw-text elements and its values are escaped, so each block
 *   parses on its own in body context as it does inside the whole; block-sanitizer.test.ts checks
 *   that joining the sanitized blocks equals sanitizing the whole over the storage corpus and
 *   every XSS payload embedding.
 */
export interface BlockSanitizer {
  /** Sanitized `html` (the writer's output), reusing the previous call's sanitized blocks. */
  sanitize: Sanitizer;
  /** How many blocks the last call had, and how many of them went through `sanitize`. */
  lastRun(): { blocks: number; sanitized: number };
}

export function createBlockSanitizer(sanitize: Sanitizer): BlockSanitizer {
  let cache = new Map<string, string>();
  let blocks = 0;
  let sanitized = 0;
  return {
    sanitize(html) {
      const next = new Map<string, string>();
      let out = '';
      blocks = 0;
      sanitized = 0;
      for (const block of splitTopLevelBlocks(html)) {
        blocks++;
        let clean = next.get(block) ?? cache.get(block);
        if (clean === undefined) {
          clean = sanitize(block);
          sanitized++;
        }
        next.set(block, clean);
        out += clean;
      }
      // Only this render's blocks are kept: the cache never outgrows one page.
      cache = next;
      return out;
    },
    lastRun: () => ({ blocks, sanitized }),
  };
}
