'use client';

import type { AppError } from '@/lib/errors';

import { ErrorAlert } from '@/components/ui/error-alert';

import styles from './page-actions.module.css';

export interface DialogFooterProps {
  /** The dialog's request: while it runs the action says so; its failure shows above it. */
  mutation: { isPending: boolean; error: AppError | null };
  /** The form's input is refused (the reason is shown by the form itself). */
  refused: boolean;
  /** The action's label, and its label while the request runs. */
  labels: readonly [idle: string, pending: string];
}

/**
 * A page action's failure and its one submit button. The button stays focusable while refused
 * or running (aria-disabled, not disabled); the form's submit handler ignores it then.
 */
export function DialogFooter({ mutation, refused, labels: [idle, pending] }: DialogFooterProps) {
  return (
    <>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <div className={styles.actions}>
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={refused || mutation.isPending}
        >
          {mutation.isPending ? pending : idle}
        </button>
      </div>
    </>
  );
}
