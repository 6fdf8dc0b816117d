'use client';

import Link from 'next/link';
import type { ComponentProps, MouseEvent } from 'react';

import { listUnsavedWork } from '@/lib/editor/draft-store';

/**
 * A header link that leaves the current screen: with an editor holding unsaved changes it keeps
 * the local draft first and asks, as the editor's own links do (docs/security.md DATA-4).
 */
export function GuardedLink({ onClick, ...props }: ComponentProps<typeof Link>) {
  const guard = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const unsaved = listUnsavedWork();
    if (event.defaultPrevented || unsaved.length === 0) return;
    for (const work of unsaved) work.keep();
    if (!window.confirm('Leave this page? Your unsaved changes are kept as a local draft.')) {
      event.preventDefault();
    }
  };
  return <Link {...props} onClick={guard} />;
}
