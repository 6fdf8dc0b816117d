'use client';

import { useEffect, useState } from 'react';

import { ACTION_DEADLINE_SECONDS } from '@/lib/errors';

interface WaitingForConfluenceProps {
  /** What is being done, e.g. "Opening the page". */
  what: string;
  /** Aborts the request; absent where it cannot be stopped. */
  onCancel?: () => void;
}

/** Seconds since this component mounted, counted once a second. */
function useElapsedSeconds(): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - startedAt) / 1000);
}

/**
 * Progress of one action that waits on Confluence: the seconds so far, that Pagewright retries a
 * busy Confluence by itself, and a way out. The action ends by the deadline either way, with a
 * message of its own.
 */
export function WaitingForConfluence({ what, onCancel }: WaitingForConfluenceProps) {
  const seconds = useElapsedSeconds();
  return (
    <div className="progress-wait">
      <p role="status" className="status" data-testid="waiting-for-confluence">
        {what}: waiting for Confluence… {seconds} s
      </p>
      {seconds >= 2 && (
        <p className="status">
          If Confluence is busy, Pagewright retries for up to {ACTION_DEADLINE_SECONDS} s.
        </p>
      )}
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
