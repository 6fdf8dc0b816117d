import { createAttachmentsApi, type AttachmentsApi } from './attachments-upload';
import { CloudAdapter } from './cloud-adapter';
import { DataCenterAdapter } from './datacenter-adapter';
import { createPage, type CreatePageInput } from './create-page';
import { ConfluenceError } from './errors';
import type { GuardOptions } from './guarded-fetch';
import { createLabelsApi, type LabelsApi } from './labels';
import type {
  ConfluenceAdapter,
  ConfluenceCredentials,
  ConfluenceFlavour,
  SavePageInput,
  SavePageResult,
} from './model';
import type { NameStore } from './name-cache';
import { movePage, type MovePageInput, type MovePageResult } from './move-page';
import {
  childrenOf,
  pageNeighbourhood,
  treeAncestors,
  type PageNeighbourhood,
  type TreeNode,
} from './page-tree';
import { searchByTitle, type TitleMatch, type TitleSearchOptions } from './search';
import { downloadSiteResource } from './site-resources';
import { listSpaces, type SpaceSummary } from './spaces';
import { ConfluenceTransport } from './transport';

export interface ClientOptions {
  /** Normalised site base (see site-policy.ts): origin plus context path. */
  baseUrl: string;
  flavour: ConfluenceFlavour;
  credentials: ConfluenceCredentials;
  guard: GuardOptions;
  sleep?: (ms: number) => Promise<void>;
  /** Where looked-up display names are remembered (the session's, see name-cache.ts); default: this client only. */
  names?: NameStore;
}

export interface ConfluenceClient extends ConfluenceAdapter {
  /** Whether `filename` is attached to page `pageId` (reference checks before a save). */
  hasAttachment(pageId: string, filename: string): Promise<boolean>;
  /** An image of the site (emoticon, icon, placeholder) by its origin-relative path. */
  downloadResource(originRelativePath: string): Promise<{ contentType: string; bytes: Buffer }>;
  labels: LabelsApi;
  attachments: AttachmentsApi;
  /** Pages (and Cloud folders) by title for type-ahead, with their space. */
  searchByTitle(text: string, options?: TitleSearchOptions): Promise<TitleMatch[]>;
  pageNeighbourhood(id: string): Promise<PageNeighbourhood>;
  childrenOf(id: string, kind?: TreeNode['kind']): Promise<TreeNode[]>;
  /** Ancestors of a page or Cloud folder, folders included, root first. */
  treeAncestors(id: string, kind?: TreeNode['kind']): Promise<TreeNode[]>;
  createPage(input: CreatePageInput): Promise<{ id: string }>;
  listSpaces(): Promise<SpaceSummary[]>;
  movePage(input: MovePageInput): Promise<MovePageResult>;
  close(): Promise<void>;
}

/** Cloud sites are `*.atlassian.net` (or the gateway); everything else is Data Center/Server. */
export function guessFlavour(baseUrl: string): ConfluenceFlavour {
  const host = new URL(baseUrl).hostname;
  return host.endsWith('.atlassian.net') || host === 'api.atlassian.com' ? 'cloud' : 'datacenter';
}

/**
 * Cloud API paths start at the site root (`/wiki/api/v2/…`), so a user's `…/wiki` is dropped;
 * Data Center paths start at the context path, which is kept.
 */
function transportBase(baseUrl: string, flavour: ConfluenceFlavour): string {
  return flavour === 'cloud' ? baseUrl.replace(/\/wiki$/, '') : baseUrl;
}

export function createConfluenceClient(options: ClientOptions): ConfluenceClient {
  const base = transportBase(options.baseUrl, options.flavour);
  const http = new ConfluenceTransport({
    baseUrl: base,
    credentials: options.credentials,
    guard: options.guard,
    sleep: options.sleep,
  });
  const adapter: CloudAdapter | DataCenterAdapter =
    options.flavour === 'cloud'
      ? new CloudAdapter(http, base, options.names)
      : new DataCenterAdapter(http, base, options.names);
  return {
    flavour: adapter.flavour,
    currentUser: () => adapter.currentUser(),
    getPage: (id) => adapter.getPage(id),
    getAncestors: (id) => adapter.getAncestors(id),
    findPagesByTitle: (key, title) => adapter.findPagesByTitle(key, title),
    listVersions: (id) => adapter.listVersions(id),
    getVersionBody: (id, version) => adapter.getVersionBody(id, version),
    downloadAttachment: (pageId, filename) => adapter.downloadAttachment(pageId, filename),
    renderView: (body, pageId) => adapter.renderView(body, pageId),
    pagePermissions: (id, viewer) => adapter.pagePermissions(id, viewer),
    displayNames: (ids) => adapter.displayNames(ids),
    hasAttachment: (pageId, filename) => adapter.hasAttachment(pageId, filename),
    downloadResource: (path) => downloadSiteResource(http, base, path),
    savePage: (input) => savePageSafely(adapter, input),
    labels: createLabelsApi(http, adapter.flavour),
    attachments: createAttachmentsApi(http, adapter.flavour),
    searchByTitle: (text, searchOptions) =>
      searchByTitle(http, options.flavour, text, searchOptions),
    pageNeighbourhood: (id) => pageNeighbourhood(http, options.flavour, id),
    childrenOf: (id, kind) => childrenOf(http, options.flavour, id, kind),
    treeAncestors: (id, kind) => treeAncestors(http, options.flavour, id, kind),
    createPage: (input) => createPage(http, options.flavour, input),
    listSpaces: () => listSpaces(http, options.flavour),
    movePage: (input) =>
      movePage(
        { getPage: (id) => adapter.getPage(id), savePage: (save) => savePageSafely(adapter, save) },
        http,
        options.flavour,
        input,
      ),
    close: () => http.close(),
  };
}

/** The answer to a PUT may be lost even though the save applied (timeout, 502/504 after commit). */
function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ConfluenceError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  return error.kind === 'server_error' && (error.details.status ?? 500) >= 500;
}

/** Confluence may re-serialise what it stores; compare ignoring whitespace between tags. */
function sameBody(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/>\s+</g, '><').trim();
  return squeeze(a) === squeeze(b);
}

/**
 * A save is never blindly retried (docs/security.md DATA-6). When its answer is lost, the page is read
 * again: at base+1 with our title and body, the save applied (success, marked `recovered`); at
 * base, it did not (the original error stands and the user may retry); anything else is someone
 * else's save, reported as a conflict carrying the current version.
 */
export async function savePageSafely(
  adapter: ConfluenceAdapter,
  input: SavePageInput,
): Promise<SavePageResult> {
  try {
    return await adapter.savePage(input);
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    let current;
    try {
      current = await adapter.getPage(input.id);
    } catch {
      throw error;
    }
    const expected = input.baseVersion + 1;
    if (
      current.version.number === expected &&
      current.title === input.title &&
      sameBody(current.body, input.body)
    ) {
      return { version: expected, recovered: true, stored: current };
    }
    if (current.version.number === input.baseVersion) throw error;
    throw new ConfluenceError(
      'version_conflict',
      `The save's answer was lost and the page is now at version ${current.version.number} with other content.`,
      { currentVersion: current.version.number },
    );
  }
}
