'use client';

import { useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useEffect } from 'react';

import { pageQueryOptions } from '@/lib/queries/pages';

import styles from './page-editor.module.css';

function LoadingPage() {
  return (
    <p className={styles.loading} role="status">
      Loading the page…
    </p>
  );
}

/**
 * The editor (storage engine, checks, preview, DOMPurify) in its own chunk, fetched after
 * hydration: the server cannot render it anyway (the page is fetched in the browser), so the
 * route's first load carries only this loader and the page shows the same status meanwhile.
 */
const PageEditor = dynamic(() => import('./page-editor').then((module) => module.PageEditor), {
  ssr: false,
  loading: LoadingPage,
});

/**
 * `/pages/[id]`'s client entry: asks for the page while the editor's chunk loads, so the two
 * downloads overlap (the editor's own query then finds it in the cache, or in flight).
 */
export function PageEditorLoader({ id }: { id: string }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.prefetchQuery(pageQueryOptions(id));
  }, [queryClient, id]);
  return <PageEditor id={id} />;
}
