'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';

import { type BlockSanitizer, createBlockSanitizer } from '@/lib/preview/block-sanitizer';
import { mentionNameResolver, useMentionNames } from '@/lib/queries/user-names';
import { sanitizedPreviewHtml } from '@/lib/security/trusted-types';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderDocument, type RenderOptions } from '@/lib/storage-format/render';
import type { Diagnostic, ParseResult } from '@/lib/storage-format/types';

/**
 * Up to this size the instant preview renders in the keystroke's own render, so the frame shows
 * the key in the same frame as the editor (≤ 16 ms on a 20 KB page); parse, render and
 * sanitizing the changed block cost a few ms per 20 KB.
 */
export const SYNC_PAGE = 100_000;
/** Above this size the instant preview re-renders only when the browser is idle. */
export const BIG_PAGE = 200_000;

export interface InstantPreview {
  html: string;
  /** The parse the html came from (null when rendering failed): the fidelity badges read it. */
  parsed: ParseResult | null;
  firstError: Diagnostic | null;
  lastLine: number;
  failure: string | null;
}

/**
 * The instant preview's sanitizer: the same DOMPurify pass, one top-level block at a time with
 * the previous render's blocks remembered (block-sanitizer.ts), so a keystroke sanitizes only the
 * block it changed. None on the server (no DOM): renderDocument then refuses.
 */
function useBlockSanitizer(): BlockSanitizer | null {
  // The Trusted Types module's sanitizer: it remembers DOMPurify's outputs, so the frame's
  // `app-preview` policy takes these blocks without sanitizing them a second time.
  const [sanitizer] = useState(() =>
    typeof window === 'undefined' ? null : createBlockSanitizer(sanitizedPreviewHtml),
  );
  return sanitizer;
}

function renderInstant(source: string, options: RenderOptions): InstantPreview {
  try {
    const parsed = parseStorage(source);
    return {
      // renderDocument sanitizes with DOMPurify last (DOMPURIFY_CONFIG; block by block here).
      html: renderDocument(parsed, options),
      parsed,
      firstError: parsed.diagnostics.find((d) => d.severity === 'error') ?? null,
      lastLine: parsed.positions.lineCount,
      failure: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { html: '', parsed: null, firstError: null, lastLine: 1, failure: message };
  }
}

/**
 * The source to render now: typical bodies at once, in the same render as the keystroke (so the
 * frame is patched before the next paint); larger ones in a deferred render typing can interrupt;
 * big ones when the browser is idle.
 */
function useRenderSource(source: string): string {
  const big = source.length > BIG_PAGE;
  const middling = !big && source.length > SYNC_PAGE;
  // A constant for other sizes, so their keystrokes schedule no deferred render at all.
  const deferred = useDeferredValue(middling ? source : null);
  const [idle, setIdle] = useState(source);
  useEffect(() => {
    if (!big) return;
    const supported = typeof requestIdleCallback === 'function';
    const handle = supported
      ? requestIdleCallback(() => setIdle(source), { timeout: 1500 })
      : window.setTimeout(() => setIdle(source), 300);
    return () => (supported ? cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [source, big]);
  if (big) return idle;
  return middling ? (deferred ?? source) : source;
}

/**
 * The app's own rendering of `source`, and the source it was rendered from (which trails the
 * text on big pages). Attachment images of `pageId` load through the app's attachment route;
 * with `confluence`, mentions show people's names, looked up through the app.
 */
export function useInstantPreview(
  source: string,
  pageId: string | undefined,
  confluence: boolean,
): { instant: InstantPreview; renderSource: string } {
  const blockSanitizer = useBlockSanitizer();
  const renderSource = useRenderSource(source);
  const mentionNames = useMentionNames(renderSource, confluence && pageId !== undefined);
  const renderOptions = useMemo<RenderOptions>(
    () => ({
      attachmentUrl: (ref) =>
        pageId !== undefined && ref.pageTitle === undefined
          ? `/api/pages/${encodeURIComponent(pageId)}/attachments/${encodeURIComponent(ref.filename)}`
          : null,
      userName: mentionNameResolver(mentionNames),
      ...(blockSanitizer ? { sanitizer: blockSanitizer.sanitize } : {}),
    }),
    [pageId, blockSanitizer, mentionNames],
  );
  const instant = useMemo(
    () => renderInstant(renderSource, renderOptions),
    [renderSource, renderOptions],
  );
  return { instant, renderSource };
}
