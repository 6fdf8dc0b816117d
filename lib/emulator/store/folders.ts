import type { EmulatorStore } from './store';
import type { FolderRecord, PageRecord, UserRecord } from './types';

/** A node of the Cloud content tree: a page or a folder. */
export type TreeItem =
  { type: 'page'; page: PageRecord } | { type: 'folder'; folder: FolderRecord };

function parentOf(item: TreeItem): string | null {
  return item.type === 'page' ? item.page.current.parentId : item.folder.parentId;
}

function positionOf(item: TreeItem): number {
  return item.type === 'page' ? item.page.position : item.folder.position;
}

/** The page or folder with this id, if the user may see it (folders are visible to everyone). */
export function treeItem(
  store: EmulatorStore,
  id: string,
  user: UserRecord | null,
): TreeItem | undefined {
  const folder = store.folderById(id);
  if (folder) return { type: 'folder', folder };
  const page = store.visiblePage(id, user);
  return page ? { type: 'page', page } : undefined;
}

/**
 * Cloud v2 ancestors of a page or folder, from the top of the space down to the direct parent,
 * folders included: `{id, type}` only, as `GET /pages/{id}/ancestors` answers.
 */
export function treeAncestors(
  store: EmulatorStore,
  item: TreeItem,
): Array<{ id: string; type: 'page' | 'folder' }> {
  const chain: Array<{ id: string; type: 'page' | 'folder' }> = [];
  const seen = new Set<string>();
  let parentId = parentOf(item);
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const folder = store.folderById(parentId);
    const page = folder
      ? undefined
      : store.snapshot().pages.find((candidate) => candidate.id === parentId);
    if (!folder && !page) break;
    chain.unshift({ id: parentId, type: folder ? 'folder' : 'page' });
    parentId = folder ? folder.parentId : page!.current.parentId;
  }
  return chain;
}

/** The pages and folders directly under `parentId`, in tree order (Cloud `direct-children`). */
export function directChildren(
  store: EmulatorStore,
  parentId: string,
  user: UserRecord | null,
): TreeItem[] {
  const items: TreeItem[] = [
    ...store
      .visiblePages(user)
      .filter((page) => page.current.parentId === parentId)
      .map((page) => ({ type: 'page' as const, page })),
    ...store
      .folders()
      .filter((folder) => folder.parentId === parentId)
      .map((folder) => ({ type: 'folder' as const, folder })),
  ];
  return items.sort((a, b) => positionOf(a) - positionOf(b));
}

export interface FolderCreation {
  spaceKey: string;
  title: string;
  /** A page or folder of the same space; null puts the folder at the top of the space. */
  parentId: string | null;
}

export type FolderCreateOutcome =
  | { kind: 'ok'; folder: FolderRecord }
  | { kind: 'no-space' }
  | { kind: 'forbidden' }
  | { kind: 'bad-parent'; parentId: string };

/** A new folder, checked as Cloud checks one: the space, the right to add content, the parent. */
export function createFolder(
  store: EmulatorStore,
  input: FolderCreation,
  user: UserRecord,
): FolderCreateOutcome {
  const space = store.spaceByKey(input.spaceKey);
  if (!space) return { kind: 'no-space' };
  if (!user.canEdit) return { kind: 'forbidden' };
  if (input.parentId !== null) {
    const parent = treeItem(store, input.parentId, user);
    const parentSpace = parent?.type === 'page' ? parent.page.spaceKey : parent?.folder.spaceKey;
    if (parentSpace !== space.key) return { kind: 'bad-parent', parentId: input.parentId };
  }
  const siblings = input.parentId === null ? [] : directChildren(store, input.parentId, null);
  const position = siblings.reduce((max, item) => Math.max(max, positionOf(item)), -1) + 1;
  const folder = store.insertFolder((id) => ({
    id,
    spaceKey: space.key,
    title: input.title.trim(),
    parentId: input.parentId,
    position,
    createdAt: new Date().toISOString(),
    createdBy: user.key,
  }));
  return { kind: 'ok', folder };
}
