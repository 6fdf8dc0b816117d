'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { isAppError, messageFor } from '@/lib/errors';
import { fetchJson } from '@/lib/http/fetch-json';
import { createDomPurifySanitizer, type Sanitizer } from '@/lib/storage-format/render';

/** Confluence's rendering is fetched again after typing pauses this long. */
export const CONFLUENCE_REFRESH_MS = 1500;

export interface Rendering {
  html: string;
  source: string;
  fetchedAt: Date;
}

export interface ConfluenceRendering {
  /** The last rendering Confluence returned (possibly of an older text). */
  rendering: Rendering | null;
  /** The rendering is of the current source. */
  current: boolean;
  inFlight: boolean;
  /** Why the last request failed, in words; null when it did not. */
  errorMessage: string | null;
  /** Fetches a rendering of the latest source now (the Refresh button). */
  refresh: () => void;
}

let confluenceSanitizer: Sanitizer | undefined;
/** Confluence's HTML is untrusted too: the same DOMPurify config as the instant preview. */
function sanitizeConfluenceHtml(html: string): string {
  confluenceSanitizer ??= createDomPurifySanitizer(window);
  return confluenceSanitizer(html);
}

/** The failure in words, with the request id the server logged it under for an admin. */
function describeFailure(error: unknown): string {
  if (!isAppError(error)) return messageFor('internal');
  return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
}

/**
 * Confluence's own rendering of the unsaved body (POST /api/render), while `active`: the first at
 * once, later ones after a pause in typing.
 */
export function useConfluenceRendering(
  source: string,
  pageId: string | undefined,
  active: boolean,
): ConfluenceRendering {
  const [rendering, setRendering] = useState<Rendering | null>(null);
  const render = useMutation({
    mutationFn: (body: string) =>
      fetchJson<{ html: string }>('/api/render', { method: 'POST', body: { body, pageId } }),
  });
  const { mutate } = render;
  const latestSource = useRef(source);
  useEffect(() => {
    latestSource.current = source;
  });
  const refresh = useCallback(() => {
    const body = latestSource.current;
    // Callbacks given to mutate() run for the latest call only: a slow older answer is dropped.
    mutate(body, {
      onSuccess: (result) =>
        setRendering({
          html: sanitizeConfluenceHtml(result.html),
          source: body,
          fetchedAt: new Date(),
        }),
    });
  }, [mutate]);
  const current = rendering?.source === source;
  const inFlight = render.isPending;
  // A body Confluence refused is not sent again until it changes (or the user asks: Refresh).
  const refusedAsIs = render.isError && render.variables === source;
  useEffect(() => {
    if (!active || current || inFlight || refusedAsIs) return;
    const timer = setTimeout(refresh, rendering === null ? 0 : CONFLUENCE_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [active, source, current, inFlight, refusedAsIs, rendering, refresh]);

  const error = render.error;
  const errorMessage = error ? describeFailure(error) : null;
  return { rendering, current, inFlight, errorMessage, refresh };
}
