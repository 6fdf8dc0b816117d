'use client';

import dynamic from 'next/dynamic';

import styles from './editor.module.css';

/**
 * The storage editor in its own lazily loaded chunk: Monaco touches `window` at import, so it is
 * never rendered on the server (`ssr: false` is only allowed in a client module like this one).
 */
export const StorageEditorLoader = dynamic(
  () => import('./storage-editor').then((module) => module.StorageEditor),
  {
    ssr: false,
    loading: () => <p className={styles.loading}>Loading editor…</p>,
  },
);
