import { checkStorageXhtml, type XhtmlVerdict } from '../xhtml/check-xhtml';
import type {
  EmulatorData,
  FolderRecord,
  PageRecord,
  SpaceRecord,
  UserRecord,
  VersionRecord,
} from './types';

/** Outcome of a page update, before it is worded for a flavour (v1 DC, v1 Cloud, v2). */
export type UpdateOutcome =
  | { kind: 'ok'; page: PageRecord }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'missing-version' }
  | { kind: 'stale'; current: number; provided: number }
  | { kind: 'bad-xhtml'; verdict: Extract<XhtmlVerdict, { ok: false }> }
  | { kind: 'title-clash'; title: string; spaceKey: string }
  | { kind: 'bad-parent'; parentId: string };

export interface PageUpdate {
  title: string;
  /** Undefined keeps the current body. */
  body?: string;
  /** Undefined keeps the parent (what Confluence does when `ancestors`/`parentId` is omitted). */
  parentId?: string;
  /** Cloud v2 only: the new parent may be a folder (Data Center has none). */
  parentMayBeFolder?: boolean;
  versionNumber: number | undefined;
  message?: string;
  minorEdit?: boolean;
}

/**
 * The emulator's data and the rules Confluence applies to it (visibility, edit rights, the
 * update validation order of docs/confluence-api.md §8). Synchronous on purpose: a PUT checks the version and
 * commits without yielding, so parallel saves of the same base version cannot both win.
 */
export class EmulatorStore {
  constructor(
    private data: EmulatorData,
    private readonly onChange: () => void,
  ) {}

  /** The whole data set (for persistence); do not mutate. */
  snapshot(): EmulatorData {
    return this.data;
  }

  replace(data: EmulatorData): void {
    this.data = data;
    this.onChange();
  }

  /** Persists a change made in place to a page's labels or attachments. */
  markChanged(): void {
    this.onChange();
  }

  /** Hands out the next numeric id (pages, attachments). */
  takeNextId(): number {
    const id = this.data.nextId;
    this.data.nextId += 1;
    return id;
  }

  users(): readonly UserRecord[] {
    return this.data.users;
  }

  userByKey(key: string): UserRecord | undefined {
    return this.data.users.find((user) => user.key === key);
  }

  spaces(): readonly SpaceRecord[] {
    return this.data.spaces;
  }

  spaceByKey(key: string): SpaceRecord | undefined {
    return this.data.spaces.find((space) => space.key.toLowerCase() === key.toLowerCase());
  }

  spaceById(id: number): SpaceRecord | undefined {
    return this.data.spaces.find((space) => space.id === id);
  }

  /** The page if it exists and `user` may see it (Confluence answers 404 for both cases). */
  visiblePage(id: string, user: UserRecord | null): PageRecord | undefined {
    const page = this.data.pages.find((candidate) => candidate.id === id);
    return page && this.canView(page, user) ? page : undefined;
  }

  canView(page: PageRecord, user: UserRecord | null): boolean {
    return !page.viewers || (user !== null && page.viewers.includes(user.username));
  }

  canEdit(page: PageRecord, user: UserRecord | null): boolean {
    if (!user || !user.canEdit) return false;
    const space = this.spaceByKey(page.spaceKey);
    if (space?.editors && !space.editors.includes(user.username)) return false;
    return !page.editors || page.editors.includes(user.username);
  }

  visiblePages(user: UserRecord | null): PageRecord[] {
    return this.data.pages.filter((page) => this.canView(page, user));
  }

  /** Child pages as v1 lists them: pages in a folder count as children of its nearest page. */
  children(id: string, user: UserRecord | null): PageRecord[] {
    return this.visiblePages(user)
      .filter((page) => this.pageParentId(page.current.parentId) === id)
      .sort((a, b) => a.position - b.position);
  }

  folders(): readonly FolderRecord[] {
    return this.data.folders ?? [];
  }

  folderById(id: string): FolderRecord | undefined {
    return this.data.folders?.find((folder) => folder.id === id);
  }

  /** Adds a folder under a fresh id (the rules are checked by the caller: folders.ts). */
  insertFolder(build: (id: string) => FolderRecord): FolderRecord {
    const folder = build(String(this.takeNextId()));
    (this.data.folders ??= []).push(folder);
    this.onChange();
    return folder;
  }

  /** The nearest page at or above `parentId`, seeing through folders (the v1 view of a parent). */
  pageParentId(parentId: string | null): string | null {
    const seen = new Set<string>();
    let id = parentId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const folder = this.folderById(id);
      if (!folder) return id;
      id = folder.parentId;
    }
    return null;
  }

  /** Page ancestors from the space root down to the nearest page above, as v1 lists them (no folders). */
  ancestors(page: PageRecord): PageRecord[] {
    const chain: PageRecord[] = [];
    let parentId = this.pageParentId(page.current.parentId);
    while (parentId) {
      const parent = this.data.pages.find((candidate) => candidate.id === parentId);
      if (!parent || chain.includes(parent)) break;
      chain.unshift(parent);
      parentId = this.pageParentId(parent.current.parentId);
    }
    return chain;
  }

  findByTitle(spaceKey: string, title: string, user: UserRecord | null): PageRecord | undefined {
    return this.visiblePages(user).find(
      (page) => page.spaceKey === spaceKey && sameTitle(page.current.title, title),
    );
  }

  /** Version `number` of a page (current or historical). */
  version(page: PageRecord, number: number): VersionRecord | undefined {
    if (page.current.number === number) return page.current;
    return page.history.find((version) => version.number === number);
  }

  /**
   * Validates and applies an update in Confluence's order: visibility (404), edit right (403),
   * version supplied (400), version = current + 1 (409), XHTML (400), parent, title clash (400).
   */
  updatePage(id: string, update: PageUpdate, user: UserRecord): UpdateOutcome {
    const page = this.visiblePage(id, user);
    if (!page) return { kind: 'not-found' };
    if (!this.canEdit(page, user)) return { kind: 'forbidden' };
    if (update.versionNumber === undefined || !Number.isInteger(update.versionNumber)) {
      return { kind: 'missing-version' };
    }
    if (update.versionNumber !== page.current.number + 1) {
      return { kind: 'stale', current: page.current.number, provided: update.versionNumber };
    }
    if (update.body !== undefined) {
      const verdict = checkStorageXhtml(update.body);
      if (!verdict.ok) return { kind: 'bad-xhtml', verdict };
    }
    // A v1 client names the nearest page as parent of a page in a folder: that keeps the folder.
    const keepsParent =
      update.parentId === undefined ||
      (!update.parentMayBeFolder && update.parentId === this.pageParentId(page.current.parentId));
    const parentId = keepsParent ? page.current.parentId : update.parentId!;
    if (
      parentId !== page.current.parentId &&
      parentId !== null &&
      !this.validParent(page, parentId, user, update.parentMayBeFolder ?? false)
    ) {
      return { kind: 'bad-parent', parentId };
    }
    const title = update.title.trim();
    const clash = this.data.pages.find(
      (other) =>
        other.id !== page.id &&
        other.spaceKey === page.spaceKey &&
        sameTitle(other.current.title, title),
    );
    if (clash) return { kind: 'title-clash', title, spaceKey: page.spaceKey };
    this.commit(page, {
      title,
      body: update.body ?? page.current.body,
      parentId,
      authorKey: user.key,
      message: update.message ?? '',
      minorEdit: update.minorEdit ?? false,
    });
    return { kind: 'ok', page };
  }

  /** Adds a page under a fresh id (the rules are checked by the caller: create-page.ts). */
  insertPage(build: (id: string) => PageRecord): PageRecord {
    const page = build(String(this.data.nextId));
    this.data.nextId += 1;
    this.data.pages.push(page);
    this.onChange();
    return page;
  }

  /** Saves a new version without the checks (admin "concurrent edit by another user"). */
  forceNewVersion(
    page: PageRecord,
    user: UserRecord,
    changes: { title?: string; body?: string; message?: string },
  ): void {
    this.commit(page, {
      title: changes.title ?? page.current.title,
      body: changes.body ?? page.current.body,
      parentId: page.current.parentId,
      authorKey: user.key,
      message: changes.message ?? 'Edited by another user',
      minorEdit: false,
    });
  }

  private commit(page: PageRecord, next: Omit<VersionRecord, 'number' | 'when'>): void {
    page.history.push(page.current);
    page.current = { ...next, number: page.current.number + 1, when: new Date().toISOString() };
    this.onChange();
  }

  private validParent(
    page: PageRecord,
    parentId: string,
    user: UserRecord,
    mayBeFolder: boolean,
  ): boolean {
    const folder = mayBeFolder ? this.folderById(parentId) : undefined;
    const parent = folder ?? this.visiblePage(parentId, user);
    if (!parent || parent.spaceKey !== page.spaceKey || parent.id === page.id) return false;
    // Walk up through pages and folders alike: the page may not go under its own descendant.
    const seen = new Set<string>();
    let id: string | null = folder ? folder.parentId : (parent as PageRecord).current.parentId;
    while (id && !seen.has(id)) {
      if (id === page.id) return false;
      seen.add(id);
      const above = this.folderById(id);
      id = above
        ? above.parentId
        : (this.data.pages.find((candidate) => candidate.id === id)?.current.parentId ?? null);
    }
    return true;
  }
}

/** Confluence compares titles without surrounding blanks and without case. */
function sameTitle(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
