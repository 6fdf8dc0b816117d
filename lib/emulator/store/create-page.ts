import { checkStorageXhtml, type XhtmlVerdict } from '../xhtml/check-xhtml';
import type { EmulatorStore } from './store';
import type { PageRecord, UserRecord } from './types';

export interface PageCreation {
  spaceKey: string;
  title: string;
  body: string;
  /** Null puts the page at the top of the space. */
  parentId: string | null;
  /** Cloud v2 only: the parent may be a folder (Data Center has none). */
  parentMayBeFolder?: boolean;
}

export type CreateOutcome =
  | { kind: 'ok'; page: PageRecord }
  | { kind: 'no-space'; spaceKey: string }
  | { kind: 'forbidden' }
  | { kind: 'bad-parent'; parentId: string }
  | { kind: 'bad-xhtml'; verdict: Extract<XhtmlVerdict, { ok: false }> }
  | { kind: 'title-clash'; title: string; spaceKey: string };

/**
 * A new page, checked as Confluence checks a create: the space, the right to add pages, the
 * parent (visible, same space), the body, and the title unique in the space ignoring case.
 */
export function createPage(
  store: EmulatorStore,
  input: PageCreation,
  user: UserRecord,
): CreateOutcome {
  const space = store.spaceByKey(input.spaceKey);
  if (!space) return { kind: 'no-space', spaceKey: input.spaceKey };
  if (!user.canEdit) return { kind: 'forbidden' };
  if (input.parentId !== null) {
    const parent =
      (input.parentMayBeFolder ? store.folderById(input.parentId) : undefined) ??
      store.visiblePage(input.parentId, user);
    if (!parent || parent.spaceKey !== space.key) {
      return { kind: 'bad-parent', parentId: input.parentId };
    }
  }
  const verdict = checkStorageXhtml(input.body);
  if (!verdict.ok) return { kind: 'bad-xhtml', verdict };
  const title = input.title.trim();
  const wanted = title.toLowerCase();
  const clash = store
    .snapshot()
    .pages.some(
      (page) => page.spaceKey === space.key && page.current.title.trim().toLowerCase() === wanted,
    );
  if (clash) return { kind: 'title-clash', title, spaceKey: space.key };
  const siblings = store
    .snapshot()
    .pages.filter(
      (page) => page.spaceKey === space.key && page.current.parentId === input.parentId,
    );
  const position = siblings.reduce((max, page) => Math.max(max, page.position), -1) + 1;
  const when = new Date().toISOString();
  const page = store.insertPage((id) => ({
    id,
    spaceKey: space.key,
    status: 'current',
    current: {
      number: 1,
      title,
      body: input.body,
      parentId: input.parentId,
      authorKey: user.key,
      when,
      message: '',
      minorEdit: false,
    },
    history: [],
    createdAt: when,
    createdBy: user.key,
    position,
    attachments: [],
    labels: [],
  }));
  return { kind: 'ok', page };
}
