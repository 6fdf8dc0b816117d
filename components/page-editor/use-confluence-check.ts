'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import {
  type CheckOutcome,
  type ConfluenceCheckAnswer,
  describeCheckOutcome,
} from '@/lib/editor/confluence-check';
import { AppError, isAppError } from '@/lib/errors';
import { fetchJson } from '@/lib/http/fetch-json';

/** One run of "Check with Confluence", for the body it was run on. */
export type ConfluenceCheck =
  | { status: 'running'; body: string }
  | { status: 'done'; body: string; answer: ConfluenceCheckAnswer; outcome: CheckOutcome }
  | { status: 'failed'; body: string; error: AppError };

export interface ConfluenceCheckRunner {
  /** The latest run (null before the first). */
  check: ConfluenceCheck | null;
  /**
   * Starts a run on `body` (a run still in flight is abandoned); resolves with its result, or
   * with null when a newer run replaced it meanwhile.
   */
  run(body: string): Promise<ConfluenceCheck | null>;
}

/**
 * Confluence's dry run of a save (POST /api/pages/[id]/check): its parser's verdict, unknown
 * macros and references that would not resolve. Only the newest run's answer is kept.
 */
export function useConfluenceCheck(pageId: string, spaceKey: string): ConfluenceCheckRunner {
  const [check, setCheck] = useState<ConfluenceCheck | null>(null);
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const run = useCallback(
    async (body: string): Promise<ConfluenceCheck | null> => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setCheck({ status: 'running', body });
      let result: ConfluenceCheck;
      try {
        const answer = await fetchJson<ConfluenceCheckAnswer>(
          `/api/pages/${encodeURIComponent(pageId)}/check`,
          { method: 'POST', body: { body, spaceKey }, signal: controller.signal },
        );
        result = { status: 'done', body, answer, outcome: describeCheckOutcome(answer) };
      } catch (error) {
        result = {
          status: 'failed',
          body,
          error: isAppError(error) ? error : new AppError('internal'),
        };
      }
      if (current.current !== controller || controller.signal.aborted) return null;
      setCheck(result);
      return result;
    },
    [pageId, spaceKey],
  );

  return { check, run };
}
