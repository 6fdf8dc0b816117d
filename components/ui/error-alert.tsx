import type { Ref } from 'react';

import type { AppError } from '@/lib/errors';

interface ErrorAlertProps {
  error: AppError;
  id?: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * An error, announced as it appears. The text is the AppError's message — the server's, or the
 * table in lib/errors.ts — never copy written here; and it is React text, never markup (XSS-8).
 * Focusable so a form can move focus to it after a failed submit.
 */
export function ErrorAlert({ error, id, ref }: ErrorAlertProps) {
  return (
    <div className="alert" role="alert" id={id} ref={ref} tabIndex={-1}>
      {error.message}
    </div>
  );
}
