'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';

import { ErrorAlert } from '@/components/ui/error-alert';
import { WaitingForConfluence } from '@/components/ui/waiting-for-confluence';
import { AppError, isAppError } from '@/lib/errors';
import type { Page } from '@/lib/queries/pages';

import styles from './page-editor.module.css';

interface PageOpenStatusProps {
  query: UseQueryResult<Page>;
  onCancel: () => void;
}

/**
 * The page while it is not open yet: progress with Cancel while Confluence is asked, then either
 * the reason it failed or the note that it was cancelled, each with "Try again".
 */
export function PageOpenStatus({ query, onCancel }: PageOpenStatusProps) {
  const retry = () => void query.refetch();
  if (query.fetchStatus === 'fetching') {
    return (
      <section className={`shell ${styles.loading}`} aria-label="Opening the page">
        <WaitingForConfluence what="Opening the page" onCancel={onCancel} />
      </section>
    );
  }
  return (
    <section className="shell" aria-label="Page not opened">
      {query.isError ? (
        <ErrorAlert
          error={isAppError(query.error) ? query.error : new AppError('internal')}
          onRetry={retry}
        />
      ) : (
        <div className="notice" role="status">
          <p>Opening the page was cancelled.</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      <p>
        <Link href="/">Back to Open</Link>
      </p>
    </section>
  );
}
