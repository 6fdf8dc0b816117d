'use client';

import { useEffect, useState } from 'react';

import {
  type CheckAnswer,
  type Resolution,
  resolutionFromCheck,
} from '@/lib/preview/preview-fidelity';
import { fetchJson } from '@/lib/http/fetch-json';

/**
 * Page and attachment references are checked with Confluence (for the fidelity badges) this long
 * after typing stops: each check costs Confluence a conversion and a few lookups.
 */
export const REFERENCE_CHECK_MS = 3000;

/**
 * Asks Confluence (POST /api/pages/{id}/check) which page links, attachments and macros of the
 * body do not resolve, once typing has paused for REFERENCE_CHECK_MS. Null until the first answer;
 * a failed check keeps the last answer (the badges then say what was last known). Never asked
 * without a page (the offline Scratchpad).
 */
export function useReferenceCheck(pageId: string | undefined, source: string): Resolution | null {
  const [resolution, setResolution] = useState<Resolution | null>(null);
  useEffect(() => {
    if (pageId === undefined) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchJson<CheckAnswer>(`/api/pages/${encodeURIComponent(pageId)}/check`, {
        method: 'POST',
        body: { body: source },
        signal: controller.signal,
      }).then(
        (answer) => {
          if (!controller.signal.aborted) setResolution(resolutionFromCheck(source, answer));
        },
        () => undefined,
      );
    }, REFERENCE_CHECK_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [pageId, source]);
  return resolution;
}
