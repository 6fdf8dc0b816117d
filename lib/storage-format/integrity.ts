import { MACRO_ELEMENTS } from './element-kinds';
import { parseStorage } from './parse';
import { attr, childElement } from './tree-queries';
import type { ElementNode, StorageNode } from './types';

/**
 * The round-trip integrity guard: things a save must never lose without the user saying so.
 * Each is invisible or easy to miss in the source (an inline comment is a wrapper around a few
 * words, a mention is one element), and each is lost for good once Confluence stores the body:
 * comment threads detach, people are no longer notified, tasks lose their history.
 */
export type KeepsakeKind =
  | 'inline-comment'
  | 'user-mention'
  | 'attachment'
  | 'macro-id'
  | 'task'
  | 'anchor'
  | 'anchor-link'
  | 'cloud-node'
  | 'smart-card';

/** One thing found in a body; `key` identifies it across versions, `label` names it for people. */
export interface Keepsake {
  kind: KeepsakeKind;
  key: string;
  label: string;
}

export interface RemovalGroup {
  kind: KeepsakeKind;
  /** How many of this kind the save removes (a repeated key counts once per copy lost). */
  count: number;
  /** e.g. "3 inline comments". */
  heading: string;
  /** One label per removed item, in document order. */
  items: string[];
}

export interface RemovalReport {
  groups: RemovalGroup[];
  total: number;
  /** One sentence for the confirmation dialog, or null when nothing is removed. */
  summary: string | null;
}

const NOUNS: Record<KeepsakeKind, [singular: string, plural: string]> = {
  'inline-comment': ['inline comment', 'inline comments'],
  'user-mention': ['user mention', 'user mentions'],
  attachment: ['attachment reference', 'attachment references'],
  'macro-id': ['macro id', 'macro ids'],
  task: ['task', 'tasks'],
  anchor: ['anchor', 'anchors'],
  'anchor-link': ['link to an anchor', 'links to anchors'],
  'cloud-node': ['Cloud editor element', 'Cloud editor elements'],
  'smart-card': ['smart card', 'smart cards'],
};

const ORDER: readonly KeepsakeKind[] = [
  'inline-comment',
  'user-mention',
  'task',
  'attachment',
  'anchor',
  'anchor-link',
  'cloud-node',
  'smart-card',
  'macro-id',
];

function textOf(nodes: readonly StorageNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') out += node.value;
    else if (node.type === 'element') out += textOf(node.children);
  }
  return out;
}

/** A short, single-line excerpt for a label. */
function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function quoted(text: string): string {
  return `“${excerpt(text)}”`;
}

function userKeepsake(user: ElementNode): Keepsake | null {
  const accountId = attr(user, 'ri:account-id');
  if (accountId) return { kind: 'user-mention', key: `account:${accountId}`, label: accountId };
  const userkey = attr(user, 'ri:userkey');
  if (userkey) return { kind: 'user-mention', key: `userkey:${userkey}`, label: userkey };
  const username = attr(user, 'ri:username');
  if (username) return { kind: 'user-mention', key: `username:${username}`, label: username };
  return null;
}

function attachmentKeepsake(attachment: ElementNode): Keepsake | null {
  const filename = attr(attachment, 'ri:filename');
  if (!filename) return null;
  const page = childElement(attachment, 'ri:page');
  const owner = page ? attr(page, 'ri:content-title') : undefined;
  return {
    kind: 'attachment',
    key: owner ? `${owner}::${filename}` : filename,
    label: owner ? `${filename} (on “${owner}”)` : filename,
  };
}

function macroName(element: ElementNode): string {
  return attr(element, 'ac:name') ?? 'unnamed';
}

/** The anchor macro's name: its default (unnamed) parameter. */
function anchorName(macro: ElementNode): string | undefined {
  for (const child of macro.children) {
    if (child.type !== 'element') continue;
    const isDefault =
      child.name === 'ac:default-parameter' ||
      (child.name === 'ac:parameter' && (attr(child, 'ac:name') ?? '') === '');
    if (isDefault) return textOf(child.children).trim();
  }
  return undefined;
}

/**
 * An `ac:adf-extension`: a Cloud editor node (decision list, Cloud panel, nested expand…) that
 * storage cannot express, kept by Confluence only as long as the wrapper is sent back whole.
 * Identified by its node's local id, else by its type and text.
 */
function cloudNodeKeepsake(extension: ElementNode): Keepsake | null {
  const node = childElement(extension, 'ac:adf-node');
  const type = (node && attr(node, 'type')) || 'node';
  let localId = '';
  for (const child of node?.children ?? []) {
    if (child.type === 'element' && child.name === 'ac:adf-attribute') {
      if (attr(child, 'key') === 'local-id') localId = textOf(child.children).trim();
    }
  }
  const text = contentText((node ?? extension).children);
  const label = text.trim() ? `${type} ${quoted(text)}` : type;
  return {
    kind: 'cloud-node',
    key: localId ? `local:${localId}` : `${type}:${excerpt(text)}`,
    label,
  };
}

/** The text a Cloud node shows: its attributes (state, ids) are data, not text. */
function contentText(nodes: readonly StorageNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') out += node.value;
    else if (node.type === 'element' && node.name !== 'ac:adf-attribute') {
      out += contentText(node.children);
    }
  }
  return out;
}

/** Everything in `source` the guard watches, in document order. */
export function collectKeepsakes(source: string): Keepsake[] {
  const found: Keepsake[] = [];
  const commentText = new Map<string, string>();
  const walk = (nodes: readonly StorageNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      visit(node);
      walk(node.children);
    }
  };
  const visit = (element: ElementNode) => {
    switch (element.name) {
      case 'ac:inline-comment-marker': {
        // One comment may be split over several markers (across bold, links…): it is one thread.
        const ref = attr(element, 'ac:ref');
        if (!ref) break;
        const text = textOf(element.children);
        const earlier = commentText.get(ref);
        if (earlier === undefined) found.push({ kind: 'inline-comment', key: ref, label: '' });
        commentText.set(ref, earlier === undefined ? text : `${earlier} ${text}`);
        break;
      }
      case 'ri:user': {
        const user = userKeepsake(element);
        if (user) found.push(user);
        break;
      }
      case 'ri:attachment': {
        const attachment = attachmentKeepsake(element);
        if (attachment) found.push(attachment);
        break;
      }
      case 'ac:task': {
        const id = childElement(element, 'ac:task-id');
        const body = childElement(element, 'ac:task-body');
        const key = id ? textOf(id.children).trim() : '';
        if (key) {
          const text = body ? textOf(body.children) : '';
          found.push({ kind: 'task', key, label: text.trim() ? quoted(text) : `task ${key}` });
        }
        break;
      }
      case 'ac:adf-extension': {
        const cloudNode = cloudNodeKeepsake(element);
        if (cloudNode) found.push(cloudNode);
        break;
      }
      case 'a': {
        const appearance = attr(element, 'data-card-appearance');
        const href = attr(element, 'href');
        if (appearance && href) {
          found.push({ kind: 'smart-card', key: href, label: `${appearance} card ${href}` });
        }
        break;
      }
      case 'ac:link': {
        const anchor = attr(element, 'ac:anchor');
        if (anchor) found.push({ kind: 'anchor-link', key: anchor, label: `#${anchor}` });
        break;
      }
    }
    if (MACRO_ELEMENTS.has(element.name)) {
      const name = macroName(element);
      if (name === 'anchor') {
        const anchor = anchorName(element);
        if (anchor) found.push({ kind: 'anchor', key: anchor, label: `#${anchor}` });
      }
      const macroId = attr(element, 'ac:macro-id');
      if (macroId) {
        found.push({
          kind: 'macro-id',
          key: `macro:${macroId}`,
          label: `${name} macro (${macroId})`,
        });
      }
    }
    // Plain `local-id`s (on every paragraph, heading and cell of a Cloud page) are not watched:
    // deleting a paragraph is an ordinary edit.
    const localId = attr(element, 'ac:local-id');
    if (localId) {
      const what = MACRO_ELEMENTS.has(element.name) ? `${macroName(element)} macro` : element.name;
      found.push({ kind: 'macro-id', key: `local:${localId}`, label: `${what} (${localId})` });
    }
  };
  walk(parseStorage(source).document.children);
  for (const item of found) {
    if (item.kind === 'inline-comment') item.label = quoted(commentText.get(item.key) ?? '');
  }
  return found;
}

function countByKey(items: readonly Keepsake[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const id = `${item.kind}::${item.key}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function heading(kind: KeepsakeKind, count: number): string {
  const [singular, plural] = NOUNS[kind];
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Lists at most `max` items, then "and N more". */
function listItems(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * What `next` loses compared with `loaded`, grouped by kind. Counts are per copy: a body that
 * mentions a person twice and keeps one mention loses one. Moving something is not a removal.
 */
export function findRemovals(loaded: string, next: string): RemovalReport {
  const before = collectKeepsakes(loaded);
  const remaining = countByKey(collectKeepsakes(next));
  const removed = new Map<KeepsakeKind, string[]>();
  for (const item of before) {
    const id = `${item.kind}::${item.key}`;
    const left = remaining.get(id) ?? 0;
    if (left > 0) {
      remaining.set(id, left - 1);
      continue;
    }
    const list = removed.get(item.kind) ?? [];
    list.push(item.label);
    removed.set(item.kind, list);
  }
  const groups: RemovalGroup[] = ORDER.filter((kind) => removed.has(kind)).map((kind) => {
    const items = removed.get(kind)!;
    return { kind, count: items.length, heading: heading(kind, items.length), items };
  });
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return { groups, total, summary: summarize(groups) };
}

/** "This save removes 3 inline comments: “a”, “b”, “c”; and 1 user mention: 5b10…." */
export function summarize(groups: readonly RemovalGroup[]): string | null {
  if (groups.length === 0) return null;
  const parts = groups.map((group) => `${group.heading}: ${listItems(group.items)}`);
  const joined =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)!}`;
  return `This save removes ${joined}.`;
}
