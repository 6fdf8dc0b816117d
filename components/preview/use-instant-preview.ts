'use client';

import { useMemo, useState } from 'react';

import { mentionNameResolver, useMentionNames } from '@/lib/queries/user-names';
import {
  IncrementalBlocks,
  type PlacedBlock,
} from '@/lib/storage-format/incremental/incremental-blocks';
import type { RenderOptions } from '@/lib/storage-format/render';
import type { Diagnostic, ParseResult } from '@/lib/storage-format/types';

export interface InstantPreview {
  /**
   * The preview block by block, for the frame: it sanitizes each block as it shows it and places
   * their marks (preview-dom.ts).
   */
  blocks: readonly PlacedBlock[];
  /** The parse the blocks came from (null when rendering failed): the fidelity badges read it. */
  parsed: ParseResult | null;
  firstError: Diagnostic | null;
  lastLine: number;
  failure: string | null;
}

const NO_BLOCKS: readonly PlacedBlock[] = [];

function renderInstant(
  document: IncrementalBlocks,
  source: string,
  options: Omit<RenderOptions, 'sanitizer'>,
): InstantPreview {
  try {
    const { parsed, blocks } = document.update(source, options);
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
  // One per editor: it keeps the previous text's blocks.
  const [document] = useState(() => new IncrementalBlocks());
  const mentionNames = useMentionNames(source, confluence && pageId !== undefined);
  // Each lookup keeps its identity while its inputs do: new names re-render only the blocks that
  // mention someone, not those with attachments (incremental-render.ts).
  const attachmentUrl = useMemo<RenderOptions['attachmentUrl']>(
    () => (ref) =>
      pageId !== undefined && ref.pageTitle === undefined
        ? `/api/pages/${encodeURIComponent(pageId)}/attachments/${encodeURIComponent(ref.filename)}`
        : null,
    [pageId],
  );
  const renderOptions = useMemo<Omit<RenderOptions, 'sanitizer'>>(
    () => ({ attachmentUrl, userName: mentionNameResolver(mentionNames) }),
    [attachmentUrl, mentionNames],
  );
  return useMemo(
    () => renderInstant(document, source, renderOptions),
    [document, source, renderOptions],
  );
}
