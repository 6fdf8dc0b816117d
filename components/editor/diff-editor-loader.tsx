'use client';

import dynamic from 'next/dynamic';

import styles from './editor.module.css';

/**
 * The diff editor in its own lazily loaded chunk, like storage-editor-loader.tsx: Monaco touches
 * `window` at import, so it never renders on the server.
 */
export const StorageDiffEditorLoader = dynamic(
  () => import('./diff-editor').then((module) => module.StorageDiffEditor),
  {
    ssr: false,
    loading: () => <p className={styles.loading}>Loading the comparison…</p>,
  },
);
