'use client';

import { useMemo, useState } from 'react';

import { type BlockSanitizer, createBlockSanitizer } from '@/lib/preview/block-sanitizer';
import { mentionNameResolver, useMentionNames } from '@/lib/queries/user-names';
import { sanitizedPreviewHtml } from '@/lib/security/trusted-types';
import {
  IncrementalBlocks,
  type PlacedBlock,
} from '@/lib/storage-format/incremental/incremental-blocks';
import type { RenderOptions } from '@/lib/storage-format/render';
import type { Diagnostic, ParseResult } from '@/lib/storage-format/types';

export interface InstantPreview {
  /** The sanitized preview, block by block, for the frame (preview-dom.ts places their marks). */
  blocks: readonly PlacedBlock[];
  /** The parse the blocks came from (null when rendering failed): the fidelity badges read it. */
  parsed: ParseResult | null;
  firstError: Diagnostic | null;
  lastLine: number;
  failure: string | null;
}

/**
 * The instant preview's sanitizer: the same DOMPurify pass, one top-level block at a time with
 * the previous render's blocks remembered (block-sanitizer.ts), so a keystroke sanitizes only the
 * block it changed. None on the server (no DOM): rendering then refuses.
 */
function useBlockSanitizer(): BlockSanitizer | null {
  // The Trusted Types module's sanitizer: it remembers DOMPurify's outputs, so the frame's
  // `app-preview` policy takes these blocks without sanitizing them a second time.
  const [sanitizer] = useState(() =>
    typeof window === 'undefined' ? null : createBlockSanitizer(sanitizedPreviewHtml),
  );
  return sanitizer;
}

const NO_BLOCKS: readonly PlacedBlock[] = [];

function renderInstant(
  document: IncrementalBlocks,
  source: string,
  options: Omit<RenderOptions, 'sanitizer'>,
  sanitizer: BlockSanitizer | null,
): InstantPreview {
  try {
    // No DOM, no DOMPurify (server rendering): refuse, as renderDocument does.
    if (sanitizer === null) throw new Error('The preview needs a browser to sanitize its HTML');
    const { parsed, blocks } = document.update(source, options, sanitizer.sanitizeBlocks);
    return {
      blocks,
      parsed,
      firstError: parsed.diagnostics.find((d) => d.severity === 'error') ?? null,
      lastLine: parsed.positions.lineCount,
      failure: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { blocks: NO_BLOCKS, parsed: null, firstError: null, lastLine: 1, failure: message };
  }
}

/**
 * The app's own rendering of `source`, in the keystroke's own render whatever the page's size:
 * the incremental document re-parses and re-renders only the blocks an edit touched
 * (lib/storage-format/incremental), so the frame is patched before the next paint. Attachment
 * images of `pageId` load through the app's attachment route; with `confluence`, mentions show
 * people's names, looked up through the app.
 */
export function useInstantPreview(
  source: string,
  pageId: string | undefined,
  confluence: boolean,
): InstantPreview {
  const blockSanitizer = useBlockSanitizer();
  // One per editor: it keeps the previous text's blocks.
  const [document] = useState(() => new IncrementalBlocks());
  const mentionNames = useMentionNames(source, confluence && pageId !== undefined);
  const renderOptions = useMemo<Omit<RenderOptions, 'sanitizer'>>(
    () => ({
      attachmentUrl: (ref) =>
        pageId !== undefined && ref.pageTitle === undefined
          ? `/api/pages/${encodeURIComponent(pageId)}/attachments/${encodeURIComponent(ref.filename)}`
          : null,
      userName: mentionNameResolver(mentionNames),
    }),
    [pageId, mentionNames],
  );
  return useMemo(
    () => renderInstant(document, source, renderOptions, blockSanitizer),
    [document, source, renderOptions, blockSanitizer],
  );
}
