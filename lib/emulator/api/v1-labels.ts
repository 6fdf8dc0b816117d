import { createHash } from 'node:crypto';

import { V1_ROOT, type RequestContext } from '../http/context';
import { sendContentNotFound, sendV1Error } from '../http/errors';
import { readJsonObject } from '../http/request-body';
import { sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { pagedJson } from '../render/v1-content';
import { v2Paged } from '../render/v2-json';
import type { PageRecord } from '../store/types';
import { labelNameProblem } from './label-names';

/** A stable numeric id per label name (Confluence ids labels site-wide, not per page). */
export function labelId(name: string): string {
  return String(parseInt(createHash('sha1').update(name).digest('hex').slice(0, 8), 16));
}

function labelJson(name: string) {
  return { prefix: 'global', name, id: labelId(name), label: name };
}

function pageFor(ctx: RequestContext, id: string): PageRecord | undefined {
  const page = ctx.store.visiblePage(id, ctx.user);
  if (!page) sendContentNotFound(ctx, id);
  return page;
}

/** Write access as Confluence checks it for labels: the page's edit right. */
function editablePage(ctx: RequestContext, id: string): PageRecord | undefined {
  const page = pageFor(ctx, id);
  if (page && !ctx.store.canEdit(page, ctx.user)) {
    sendV1Error(ctx, 403, `User not permitted to edit labels on content: ${id}`);
    return undefined;
  }
  return page;
}

function listLabels(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = pageFor(ctx, id!);
  if (!page) return;
  const prefix = ctx.query.get('prefix');
  const labels = prefix && prefix !== 'global' ? [] : page.labels.map(labelJson);
  sendJson(ctx.res, 200, pagedJson(ctx, labels, `${V1_ROOT}/content/${page.id}/label`));
}

/** The names a POST body asks for: one `LabelCreate` or an array of them. */
function requestedNames(ctx: RequestContext): string[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(ctx.rawBody.toString('utf8'));
  } catch {
    readJsonObject(ctx);
    return undefined;
  }
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') {
      sendV1Error(ctx, 400, 'A label needs a name');
      return undefined;
    }
    names.push(name);
  }
  return names;
}

function addLabels(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = editablePage(ctx, id!);
  if (!page) return;
  const names = requestedNames(ctx);
  if (!names) return;
  for (const name of names) {
    const problem = labelNameProblem(name);
    if (problem) return sendV1Error(ctx, 400, problem);
  }
  // Confluence keeps labels in lower case and adds without removing the existing ones.
  for (const name of names.map((item) => item.toLowerCase())) {
    if (!page.labels.includes(name)) page.labels.push(name);
  }
  ctx.store.markChanged();
  sendJson(
    ctx.res,
    200,
    pagedJson(ctx, page.labels.map(labelJson), `${V1_ROOT}/content/${page.id}/label`),
  );
}

function removeLabel(ctx: RequestContext, id: string, name: string | null): void {
  const page = editablePage(ctx, id);
  if (!page) return;
  if (!name) return sendV1Error(ctx, 400, 'name is a required parameter');
  const index = page.labels.indexOf(name.toLowerCase());
  if (index < 0) return sendV1Error(ctx, 404, `Cannot find label with name: ${name}`);
  page.labels.splice(index, 1);
  ctx.store.markChanged();
  ctx.res.writeHead(204).end();
}

/** v2 GET /pages/{id}/labels: read only (v2 has no way to add one). */
function listV2Labels(ctx: RequestContext, { id }: Record<string, string>): void {
  const page = pageFor(ctx, id!);
  if (!page) return;
  const results = page.labels.map((name) => ({ id: labelId(name), name, prefix: 'global' }));
  sendJson(ctx.res, 200, v2Paged(ctx, results, `/pages/${page.id}/labels`));
}

export function registerV1Labels(router: Router): void {
  router
    .add('GET', '/content/:id/label', listLabels)
    .add('POST', '/content/:id/label', addLabels)
    .add('DELETE', '/content/:id/label', (ctx, { id }) =>
      removeLabel(ctx, id!, ctx.query.get('name')),
    )
    .add('DELETE', '/content/:id/label/:label', (ctx, { id, label }) =>
      removeLabel(ctx, id!, label!),
    );
}

export function registerV2Labels(router: Router): void {
  router.add('GET', '/pages/:id/labels', listV2Labels);
}
