/** Which Confluence a site runs: Cloud (REST v2, and v1 where v2 lacks a call) or Data Center (v1). */
export type ConfluenceFlavour = 'cloud' | 'datacenter';

/** How a user signs in to Confluence: what the session keeps and every request sends. */
export type ConfluenceCredentials =
  | { method: 'cloud-token'; email: string; token: string }
  | { method: 'dc-pat'; token: string }
  | { method: 'dc-password'; username: string; password: string };

import type { PagePermissions } from './operations';
import type { Viewer } from './read-only-reason';

/** A page above another, or on Cloud a folder (which has no page to open). */
export interface PageAncestor {
  id: string;
  title: string;
  kind?: 'page' | 'folder';
}

/** One page as Pagewright sees it, whichever Confluence and API version it came from. */
export interface ConfluencePage {
  id: string;
  title: string;
  spaceKey: string;
  spaceId?: string;
  /** Null for a page at the top of its space. */
  parentId: string | null;
  /** Root first, direct parent last; on Cloud folders too (`kind`, absent for pages). */
  ancestors: PageAncestor[];
  version: {
    number: number;
    when: string;
    by: string;
    message: string;
    minorEdit: boolean;
  };
  /** Storage format. */
  body: string;
  webUrl: string;
}

export interface ConfluenceUser {
  displayName: string;
  accountId?: string;
  username?: string;
}

export interface PageVersionSummary {
  number: number;
  when: string;
  by: string;
  message: string;
  minorEdit: boolean;
}

export interface SavePageInput {
  id: string;
  title: string;
  body: string;
  /** The version the edit started from; the new version is exactly base + 1. */
  baseVersion: number;
  /** The parent the page had when loaded: sent again so the page never moves by accident. */
  parentId: string | null;
  message?: string;
  minorEdit?: boolean;
}

export interface SavePageResult {
  version: number;
  /** True when the answer was lost (timeout, 5xx) but a re-read proved our save applied. */
  recovered: boolean;
  /**
   * The page as Confluence stored it, when its answer says so (the PUT's own answer carries the
   * stored body, or the re-read after a lost answer did). Read-after-write verification uses it
   * instead of a second GET: one upstream call per save.
   */
  stored?: StoredPage;
}

/** What a save's answer tells about the stored page: enough to verify the save. */
export interface StoredPage {
  title: string;
  body: string;
  parentId: string | null;
  version: { number: number };
}

export interface TitleUse {
  id: string;
  title: string;
  status: string;
}

export interface ConfluenceAdapter {
  readonly flavour: ConfluenceFlavour;
  currentUser(): Promise<ConfluenceUser>;
  getPage(id: string): Promise<ConfluencePage>;
  getAncestors(id: string): Promise<PageAncestor[]>;
  savePage(input: SavePageInput): Promise<SavePageResult>;
  findPagesByTitle(spaceKey: string, title: string): Promise<TitleUse[]>;
  listVersions(id: string): Promise<PageVersionSummary[]>;
  getVersionBody(id: string, version: number): Promise<string>;
  /** The file attached to a page, or `not_found`. */
  downloadAttachment(
    pageId: string,
    filename: string,
  ): Promise<{ contentType: string; bytes: Buffer }>;
  /**
   * Confluence's own view HTML for an unsaved body (its parse errors come back as
   * `invalid_storage`); with `pageId`, rendered in that page's context so its attachments resolve.
   */
  renderView(body: string, pageId?: string): Promise<string>;
  /**
   * What the signed-in user may do with the page (asked for on open); `viewer` is who they are,
   * so a page restriction that names them is not blamed.
   */
  pagePermissions(id: string, viewer?: Viewer): Promise<PagePermissions>;
  /** Display names for account ids (Cloud) or user keys / usernames (Data Center). */
  displayNames(ids: readonly string[]): Promise<Record<string, string>>;
}
