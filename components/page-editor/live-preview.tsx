'use client';

import { memo } from 'react';

import { PreviewPane, type PreviewPaneProps } from '@/components/preview/preview-pane';

import { type LiveValue, useLiveValue } from './live-value';

export interface LivePreviewProps extends Omit<PreviewPaneProps, 'source'> {
  /** The editor text as typed: the preview re-renders on each key, on its own. */
  body: LiveValue<string>;
}

/**
 * The page editor's preview, subscribed to the live text: a keystroke re-renders this subtree
 * alone, in the keystroke's task, while the rest of the editor catches up in a transition
 * (issue #5). Memoized so those catch-up renders pass it by (its other props are stable).
 */
export const LivePreview = memo(function LivePreview({ body, ...props }: LivePreviewProps) {
  return <PreviewPane source={useLiveValue(body)} {...props} />;
});
