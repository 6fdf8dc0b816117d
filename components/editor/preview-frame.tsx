'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';

import { contentKey } from '@/lib/editor/content-key';
import { buildPreviewDocument } from '@/lib/editor/preview-document';
import { PREVIEW_CSS, renderStorage, type RenderOptions } from '@/lib/storage-format/render';

import styles from './editor.module.css';

/** Above this size the preview re-renders only when the browser is idle, not per keystroke. */
export const BIG_PAGE = 200_000;

export interface PreviewFrameProps {
  /** Storage-format source to render. */
  source: string;
  /**
   * Attachment/page URL resolvers etc. (the sanitizer is always the default DOMPurify one).
   * Pass a stable (memoized) object: a new one re-renders the preview.
   */
  renderOptions?: Omit<RenderOptions, 'sanitizer'>;
  title?: string;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function toDocument(source: string, options: PreviewFrameProps['renderOptions']): string {
  try {
    // renderStorage sanitizes with DOMPurify last; its output goes into the frame untouched.
    return buildPreviewDocument(renderStorage(source, { ...options }), PREVIEW_CSS);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return buildPreviewDocument(`<p>The preview failed: ${escapeText(message)}</p>`, PREVIEW_CSS);
  }
}

interface FrameDocument {
  key: string;
  doc: string;
}

/**
 * The live preview: a sandboxed iframe (no scripts, opaque origin, security.md XSS-5) whose
 * srcdoc carries its own CSP (XSS-6). Small bodies re-render on every change through a deferred
 * value (typing stays responsive); big ones only when the browser is idle.
 *
 * Each document gets a fresh iframe element, loaded hidden behind the one on screen and swapped
 * in on `load`: no blank flash while typing, and Chrome logs a console error whenever the srcdoc
 * of an existing sandboxed frame is replaced, but not for a new frame.
 */
export function PreviewFrame({ source, renderOptions, title = 'Preview' }: PreviewFrameProps) {
  const deferredSource = useDeferredValue(source);
  const big = source.length > BIG_PAGE;
  const [idleSource, setIdleSource] = useState(source);
  const [shown, setShown] = useState<FrameDocument | null>(null);

  useEffect(() => {
    if (!big) return;
    const idle = typeof requestIdleCallback === 'function';
    const handle = idle
      ? requestIdleCallback(() => setIdleSource(source), { timeout: 1500 })
      : window.setTimeout(() => setIdleSource(source), 300);
    return () => (idle ? cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [source, big]);

  const effective = big ? idleSource : deferredSource;
  const latest = useMemo<FrameDocument>(() => {
    const doc = toDocument(effective, renderOptions);
    return { key: contentKey(doc), doc };
  }, [effective, renderOptions]);

  const swapping = shown !== null && shown.key !== latest.key;
  const frames = swapping ? [shown, latest] : [latest];

  return (
    <div className={styles.previewHost}>
      {frames.map((frame) => {
        const loading = swapping && frame.key === latest.key;
        return (
          <iframe
            key={frame.key}
            className={loading ? styles.previewFrameLoading : styles.previewFrame}
            title={loading ? `${title} (updating)` : title}
            aria-hidden={loading || undefined}
            tabIndex={loading ? -1 : undefined}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={frame.doc}
            onLoad={() => {
              if (frame.key === latest.key) setShown(frame);
            }}
          />
        );
      })}
    </div>
  );
}
