import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultEngine } from '../faults';
import { sendJson } from '../http/respond';
import type { RequestLog } from '../request-log';
import { handlePermissionAdmin, type PermissionAdmin } from './admin-permissions';

/** What the admin API can do to the running emulator. */
export interface AdminActions {
  faults: FaultEngine;
  log: RequestLog;
  permissions: PermissionAdmin;
  pageCount(): number;
  reset(): Promise<void>;
  concurrentEdit(
    pageId: string,
    changes: ConcurrentEditRequest,
  ): { id: string; version: number } | null;
}

/** Body of `POST /__emulator/pages/{id}/concurrent-edit`. */
export interface ConcurrentEditRequest {
  /** Username of the editor (default `alex`). */
  user?: string;
  title?: string;
  body?: string;
  message?: string;
}

function parse(body: Buffer): unknown {
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8'));
}

/**
 * `/__emulator/…`: health, reset, faults (GET, PUT/POST merge, DELETE clear), requests (GET,
 * DELETE), `pages/{id}/concurrent-edit` (saves a new version as another user), and the page
 * restrictions and space permissions of admin-permissions.ts.
 */
export async function handleAdmin(
  actions: AdminActions,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
): Promise<void> {
  const method = req.method ?? 'GET';
  try {
    if (path === '/health' && method === 'GET')
      return sendJson(res, 200, { status: 'ok', pages: actions.pageCount() });
    if (path === '/reset' && method === 'POST') {
      await actions.reset();
      return sendJson(res, 200, { status: 'reset', pages: actions.pageCount() });
    }
    if (path === '/faults') {
      if (method === 'GET') return sendJson(res, 200, actions.faults.get());
      if (method === 'PUT' || method === 'POST')
        return sendJson(res, 200, actions.faults.set(parse(body) as object));
      if (method === 'DELETE') return sendJson(res, 200, actions.faults.clear());
    }
    if (path === '/requests') {
      if (method === 'GET') return sendJson(res, 200, { requests: actions.log.list() });
      if (method === 'DELETE') {
        actions.log.clear();
        return sendJson(res, 200, { requests: [] });
      }
    }
    const edit = /^\/pages\/([^/]+)\/concurrent-edit$/.exec(path);
    if (edit && method === 'POST') {
      const result = actions.concurrentEdit(
        decodeURIComponent(edit[1]!),
        parse(body) as ConcurrentEditRequest,
      );
      return result
        ? sendJson(res, 200, result)
        : sendJson(res, 404, { error: 'no such page or user' });
    }
    if (handlePermissionAdmin(actions.permissions, method, path, parse(body), res)) return;
    sendJson(res, 404, { error: `no admin endpoint ${method} ${path}` });
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
