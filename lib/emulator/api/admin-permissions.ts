import type { ServerResponse } from 'node:http';

import { sendJson } from '../http/respond';
import type { EmulatorStore } from '../store/store';

/**
 * Who may edit what, set at run time for tests and demos (back to the seed on reset):
 * `PUT /__emulator/pages/{id}/restrictions {"editors": ["alex"] | null}` puts an edit restriction on
 * a page (null lifts it), `PUT /__emulator/spaces/{key}/permissions {"editors": ["demo"] | null}`
 * gives only those users the space's edit permission (null: everyone whose account may edit).
 */
export interface PermissionAdmin {
  restrictPageEditing(pageId: string, editors: string[] | null): boolean;
  setSpaceEditors(spaceKey: string, editors: string[] | null): boolean;
}

export function permissionAdmin(store: EmulatorStore): PermissionAdmin {
  // A page restriction and a space permission are both an optional editor list on the record.
  const setEditors = (record: { editors?: string[] } | undefined, editors: string[] | null) => {
    if (!record) return false;
    if (editors) {
      const unknown = editors.filter((name) => !store.users().some((u) => u.username === name));
      if (unknown.length > 0) throw new Error(`no such user: ${unknown.join(', ')}`);
      record.editors = [...editors];
    } else delete record.editors;
    store.markChanged();
    return true;
  };
  return {
    restrictPageEditing: (pageId, editors) =>
      setEditors(
        store.snapshot().pages.find((candidate) => candidate.id === pageId),
        editors,
      ),
    setSpaceEditors: (spaceKey, editors) => setEditors(store.spaceByKey(spaceKey), editors),
  };
}

/** `{"editors": [usernames] | null}`, or an error naming what is wrong. */
function editorsOf(body: unknown): string[] | null {
  const editors = (body as { editors?: unknown } | null)?.editors;
  if (editors === null) return null;
  if (Array.isArray(editors) && editors.every((name) => typeof name === 'string')) return editors;
  throw new Error('body must be {"editors": [usernames]} or {"editors": null}');
}

/** Answers the permission admin calls; false when `path` is not one of them. */
export function handlePermissionAdmin(
  admin: PermissionAdmin,
  method: string,
  path: string,
  body: unknown,
  res: ServerResponse,
): boolean {
  const page = /^\/pages\/([^/]+)\/restrictions$/.exec(path);
  const space = /^\/spaces\/([^/]+)\/permissions$/.exec(path);
  if (!(page || space) || method !== 'PUT') return false;
  const editors = editorsOf(body);
  const done = page
    ? admin.restrictPageEditing(decodeURIComponent(page[1]!), editors)
    : admin.setSpaceEditors(decodeURIComponent(space![1]!), editors);
  if (done) sendJson(res, 200, { editors });
  else sendJson(res, 404, { error: page ? 'no such page' : 'no such space' });
  return true;
}
