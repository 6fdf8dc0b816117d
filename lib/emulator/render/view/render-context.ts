import type { RequestContext } from '../../http/context';
import type { PageRecord } from '../../store/types';
import type { StorageElement, StorageNode } from './parse-tree';

/** `view` for in-app display, `export_view` with absolute URLs, `styled_view` with CSS included. */
export type ViewFormat = 'view' | 'export_view' | 'styled_view';

/** What rendering needs besides the body: the request (links, store, user) and the page it belongs to. */
export interface RenderSource {
  ctx: Pick<RequestContext, 'flavour' | 'base' | 'context' | 'store' | 'user'>;
  /** The page whose body this is: relative links, attachments and `children` resolve against it. */
  page?: PageRecord;
  /** Space for relative page links when there is no page (convert with `spaceKeyContext`). */
  spaceKey?: string;
}

/** Shared state of one rendering pass. */
export interface Renderer {
  source: RenderSource;
  format: ViewFormat;
  /** Renders the children of an element. */
  children(node: StorageElement): string;
  /** Renders any node list. */
  nodes(nodes: StorageNode[]): string;
  /** A URL for a path relative to `base`: context-relative for `view`, absolute for `export_view`. */
  url(path: string): string;
  /** Unique, deterministic id suffixes for expand sections and the like. */
  nextId(): number;
  /** All headings of the body, for the table of contents. */
  headings: Array<{ level: number; text: string; id: string }>;
}
