import type { Sanitizer } from './sanitizer';

/** What a page or attachment link/image points at, as read from `ri:` identifiers. */
export interface AttachmentRef {
  filename: string;
  pageTitle?: string;
  spaceKey?: string;
}

export interface PageRef {
  title: string;
  spaceKey?: string;
}

export interface UserRef {
  accountId?: string;
  userKey?: string;
  username?: string;
}

export interface RenderOptions {
  /** URL of an attachment (e.g. the app's proxy); null when it cannot be shown. */
  attachmentUrl?: (ref: AttachmentRef) => string | null;
  /** URL of another page; null (or absent) renders the link without a target. */
  pageUrl?: (ref: PageRef) => string | null;
  /** Display name of a mentioned user; null (or absent) shows the id. */
  userName?: (ref: UserRef) => string | null;
  /**
   * Second safety layer. Default: DOMPurify on the browser's window (throws in Node, where
   * `createNodeSanitizer()` must be passed). `'none'` skips it: only for the worker pipeline,
   * whose output is sanitized on the main thread, and for tests of the writer alone.
   */
  sanitizer?: Sanitizer | 'none';
}
