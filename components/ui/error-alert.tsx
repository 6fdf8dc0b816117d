import type { ReactNode, Ref } from 'react';

import type { AppError } from '@/lib/errors';

interface ErrorAlertProps {
  error: AppError;
  id?: string;
  ref?: Ref<HTMLDivElement>;
  /** Shown as "Try again" when the failed action can simply be repeated. */
  onRetry?: () => void;
  /** Said after the message where it is true (the editor: "Your text is safe…"). */
  children?: ReactNode;
}

/**
 * An error, announced as it appears. The text is the AppError's message — the server's, or the
 * table in lib/errors.ts — never copy written here; and it is React text, never markup (XSS-8).
 * The request id the server logged the failure under is shown so an admin can find it.
 * Focusable so a form can move focus to it after a failed submit.
 */
export function ErrorAlert({ error, id, ref, onRetry, children }: ErrorAlertProps) {
  return (
    <div className="alert" role="alert" id={id} ref={ref} tabIndex={-1}>
      <p className="alert-message">
        {error.message}
        {children ? <> {children}</> : null}
      </p>
      {error.requestId ? (
        <p className="alert-request-id">
          Request id: <code>{error.requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
