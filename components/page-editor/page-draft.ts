import { areDraftWritesSuspended } from '@/lib/editor/draft-store';

/**
 * The local draft of one page (docs/security.md DATA-3): the user's text, title and the version it
 * was based on, in localStorage under `pagewright:draft:{id}`. Page content only, never anything
 * about the account. Every access tolerates storage being disabled or full.
 */
export interface PageDraft {
  pageId: string;
  baseVersion: number;
  body: string;
  /**
   * The body is the editor's text as shown (laid out when the page is on long lines). False or
   * absent: a body in the stored layout (drafts kept before the laid-out view).
   */
  asShown?: boolean;
  title: string;
  /** Epoch milliseconds. */
  savedAt: number;
}

export function draftKey(pageId: string): string {
  return `pagewright:draft:${pageId}`;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function isDraft(value: unknown, pageId: string): value is PageDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    draft.pageId === pageId &&
    typeof draft.baseVersion === 'number' &&
    Number.isInteger(draft.baseVersion) &&
    draft.baseVersion > 0 &&
    typeof draft.body === 'string' &&
    (draft.asShown === undefined || typeof draft.asShown === 'boolean') &&
    typeof draft.title === 'string' &&
    typeof draft.savedAt === 'number' &&
    Number.isFinite(draft.savedAt)
  );
}

export function readDraft(pageId: string): PageDraft | null {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(draftKey(pageId));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraft(value, pageId) ? value : null;
  } catch {
    return null;
  }
}

/** False when the draft could not be written (quota, storage disabled). */
export function writeDraft(draft: PageDraft): boolean {
  // After "Sign out and delete local drafts" (lib/editor/draft-store.ts) nothing is written back.
  if (areDraftWritesSuspended()) return false;
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(draftKey(draft.pageId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function deleteDraft(pageId: string): void {
  try {
    storage()?.removeItem(draftKey(pageId));
  } catch {
    // Nothing to do: a stale draft is offered again and can be discarded then.
  }
}
