'use client';

import { type AppError, isAppError } from '@/lib/errors';

/** The save failed because the site no longer takes minor edits (v1 answered 410). */
export function isMinorEditUnavailable(error: AppError): boolean {
  return isAppError(error, 'page_gone') && error.details?.minorEditUnavailable === true;
}

/** Says so in the server's words and offers the same save as a normal edit. */
export function MinorEditGoneAlert({
  error,
  onSaveNormally,
}: {
  error: AppError;
  onSaveNormally: () => void;
}) {
  return (
    <div className="alert" role="alert">
      <p>{error.message}</p>
      <button type="button" className="button" onClick={onSaveNormally}>
        Save as a normal edit
      </button>
    </div>
  );
}
