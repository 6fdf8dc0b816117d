'use client';

import dynamic from 'next/dynamic';

import styles from '@/components/editor/editor.module.css';

/**
 * The preview (storage engine, renderer, DOMPurify) in its own chunk, fetched after hydration, so
 * a route that shows it next to the lazily loaded editor does not carry it in its first load.
 */
export const PreviewPaneLoader = dynamic(
  () => import('./preview-pane').then((module) => module.PreviewPane),
  {
    ssr: false,
    loading: () => (
      <p className={styles.loading} role="status">
        Loading preview…
      </p>
    ),
  },
);
