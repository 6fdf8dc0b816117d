import { MACRO_ELEMENTS } from '@/lib/storage-format/element-kinds';
import { findMacro } from '@/lib/storage-format/macro-catalogue';
import { parseStorage } from '@/lib/storage-format/parse';
import type {
  Diagnostic,
  ElementNode,
  PositionMapper,
  Span,
  StorageNode,
} from '@/lib/storage-format/types';

import { isConfluenceError } from './errors';
import type { TitleUse } from './model';
import { diagnosticForRefusedBody } from './refused-body';

/**
 * "Check with Confluence": a dry run of a save. The body goes through Confluence's own converter
 * (its parser is the final judge), then the references Confluence would resolve at view time are
 * looked up — pages by title, attachments by file name — so a link to a renamed page or a missing
 * image is a warning before the save rather than a red link after it.
 */

/** The few client calls the check needs (ConfluenceClient has them all). */
export interface CheckDependencies {
  renderView(body: string): Promise<string>;
  findPagesByTitle(spaceKey: string, title: string): Promise<TitleUse[]>;
  hasAttachment(pageId: string, filename: string): Promise<boolean>;
}

export interface CheckOptions {
  /** The page being edited: attachments without an `ri:page` belong to it. */
  pageId: string;
  /** Its space: `ri:page` without `ri:space-key` means this space. */
  spaceKey: string;
  /** At most this many distinct lookups (rate limits); the rest are reported as not checked. */
  maxLookups?: number;
  /** Lookups in flight at once. */
  concurrency?: number;
}

export interface CheckResult {
  /** Confluence's parse error (if any) and warnings, in body coordinates, in document order. */
  diagnostics: Diagnostic[];
  /** How many distinct lookups were made. */
  lookups: number;
  /** What could not be checked, in plain words (empty when everything was). */
  notChecked: string[];
}

const DEFAULT_MAX_LOOKUPS = 50;
const DEFAULT_CONCURRENCY = 4;

interface PageRef {
  spaceKey: string;
  title: string;
  element: ElementNode;
}

interface AttachmentRef {
  filename: string;
  /** Null: the page being edited. */
  owner: { spaceKey: string; title: string } | null;
  element: ElementNode;
}

interface References {
  pages: PageRef[];
  attachments: AttachmentRef[];
  users: number;
  macros: ElementNode[];
}

function attr(element: ElementNode, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

function collectReferences(nodes: readonly StorageNode[], spaceKey: string): References {
  const refs: References = { pages: [], attachments: [], users: 0, macros: [] };
  const pageOf = (element: ElementNode) => {
    const title = attr(element, 'ri:content-title');
    return title ? { spaceKey: attr(element, 'ri:space-key') || spaceKey, title } : null;
  };
  const walk = (children: readonly StorageNode[]) => {
    for (const node of children) {
      if (node.type !== 'element') continue;
      if (node.name === 'ri:page') {
        const page = pageOf(node);
        if (page) refs.pages.push({ ...page, element: node });
      } else if (node.name === 'ri:attachment') {
        const filename = attr(node, 'ri:filename');
        const ownerElement = node.children.find(
          (child): child is ElementNode => child.type === 'element' && child.name === 'ri:page',
        );
        if (filename) {
          refs.attachments.push({
            filename,
            owner: ownerElement ? pageOf(ownerElement) : null,
            element: node,
          });
        }
      } else if (node.name === 'ri:user') {
        refs.users++;
      } else if (MACRO_ELEMENTS.has(node.name)) {
        refs.macros.push(node);
      }
      walk(node.children);
    }
  };
  walk(nodes);
  return refs;
}

function diagnosticAt(
  positions: PositionMapper,
  span: Span,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
): Diagnostic {
  const start = positions.lineColumnAt(span.start);
  const end = positions.lineColumnAt(span.end);
  return {
    severity,
    code,
    message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** Runs `tasks` with at most `limit` in flight. */
async function pooled<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

type Lookup<T> = { ok: true; value: T } | { ok: false; reason: string };

async function attempt<T>(run: () => Promise<T>): Promise<Lookup<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, reason: isConfluenceError(error) ? error.kind : 'error' };
  }
}

const pageKey = (spaceKey: string, title: string) => `${spaceKey}\n${title.toLowerCase()}`;

/** A page link resolves to a current or archived page (drafts and trash do not show). */
function resolvedPageId(uses: readonly TitleUse[], title: string): string | null {
  const wanted = title.toLowerCase();
  const found = uses.find(
    (use) =>
      use.title.toLowerCase() === wanted && (use.status === 'current' || use.status === 'archived'),
  );
  return found ? found.id : null;
}

export async function checkWithConfluence(
  body: string,
  client: CheckDependencies,
  options: CheckOptions,
): Promise<CheckResult> {
  const maxLookups = options.maxLookups ?? DEFAULT_MAX_LOOKUPS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const parsed = parseStorage(body);
  const { positions } = parsed;
  const refs = collectReferences(parsed.document.children, options.spaceKey);
  const diagnostics: Diagnostic[] = [];
  const notChecked: string[] = [];

  // 1. Confluence's converter: the parser that will judge the save.
  let html: string | null = null;
  try {
    html = await client.renderView(body);
  } catch (error) {
    if (!isConfluenceError(error) || error.kind !== 'invalid_storage') throw error;
    diagnostics.push(diagnosticForRefusedBody(error, body));
  }

  // 2. Macros Confluence does not know, which the page would show as "Unknown macro".
  if (html !== null) {
    for (const macro of refs.macros) {
      const name = attr(macro, 'ac:name');
      if (!name || findMacro(name)) continue;
      if (!reportsUnknownMacro(html, name)) continue;
      diagnostics.push(
        diagnosticAt(
          positions,
          macro.openTag,
          'warning',
          'confluence_unknown_macro',
          `Confluence does not know the macro \`${name}\` on this site: the page will show “Unknown macro: {${name}}”. Check the name, or whether the app that provides it is installed.`,
        ),
      );
    }
  } else {
    notChecked.push('macros (Confluence could not read the body)');
  }

  // 3. Pages by title (also the owners of attachments on other pages), each asked once.
  const wantedPages = new Map<string, { spaceKey: string; title: string }>();
  for (const ref of refs.pages) wantedPages.set(pageKey(ref.spaceKey, ref.title), ref);
  for (const ref of refs.attachments) {
    if (ref.owner) wantedPages.set(pageKey(ref.owner.spaceKey, ref.owner.title), ref.owner);
  }
  const wantedAttachments = new Map<string, AttachmentRef>();
  for (const ref of refs.attachments) {
    const owner = ref.owner ? pageKey(ref.owner.spaceKey, ref.owner.title) : '';
    wantedAttachments.set(`${owner}\n${ref.filename}`, ref);
  }

  let budget = maxLookups;
  let skipped = 0;
  const failures = new Set<string>();
  const pageTasks = [...wantedPages].flatMap(([key, page]) => {
    if (budget <= 0) {
      skipped++;
      return [];
    }
    budget--;
    return [
      async () =>
        [key, await attempt(() => client.findPagesByTitle(page.spaceKey, page.title))] as const,
    ];
  });
  const pageIds = new Map<string, string | null>();
  for (const [key, result] of await pooled(pageTasks, concurrency)) {
    if (result.ok) pageIds.set(key, resolvedPageId(result.value, wantedPages.get(key)!.title));
    else failures.add(result.reason);
  }

  for (const ref of refs.pages) {
    const key = pageKey(ref.spaceKey, ref.title);
    if (pageIds.get(key) !== null) continue; // found, or not looked up
    const where = ref.spaceKey === options.spaceKey ? 'this space' : `space ${ref.spaceKey}`;
    diagnostics.push(
      diagnosticAt(
        positions,
        ref.element.span,
        'warning',
        'unresolved_page_reference',
        `No page “${ref.title}” in ${where}: Confluence will show this link as a link to create the page.`,
      ),
    );
  }

  // 4. Attachments, on this page or on the page their `ri:page` names.
  const attachmentTasks = [...wantedAttachments].flatMap(([key, ref]) => {
    const ownerId = ref.owner
      ? pageIds.get(pageKey(ref.owner.spaceKey, ref.owner.title))
      : options.pageId;
    if (ownerId === null) return []; // its page does not exist: that page is already reported
    if (ownerId === undefined || budget <= 0) {
      skipped++;
      return [];
    }
    budget--;
    return [
      async () => [key, await attempt(() => client.hasAttachment(ownerId, ref.filename))] as const,
    ];
  });
  const attached = new Map<string, boolean>();
  for (const [key, result] of await pooled(attachmentTasks, concurrency)) {
    if (result.ok) attached.set(key, result.value);
    else failures.add(result.reason);
  }
  for (const ref of refs.attachments) {
    const ownerKey = ref.owner ? pageKey(ref.owner.spaceKey, ref.owner.title) : '';
    const ownerMissing = ref.owner !== null && pageIds.get(ownerKey) === null;
    if (!ownerMissing && attached.get(`${ownerKey}\n${ref.filename}`) !== false) continue;
    const where = ref.owner ? `page “${ref.owner.title}”` : 'this page';
    diagnostics.push(
      diagnosticAt(
        positions,
        ref.element.span,
        'warning',
        'unresolved_attachment_reference',
        `No attachment “${ref.filename}” on ${where}: Confluence will show a placeholder instead. Upload it, or fix the file name (it is case-sensitive).`,
      ),
    );
  }

  if (skipped > 0) {
    notChecked.push(
      `${skipped} more reference${skipped === 1 ? '' : 's'} (at most ${maxLookups} lookups per check)`,
    );
  }
  if (failures.size > 0) {
    notChecked.push(`some references: Confluence did not answer (${[...failures].join(', ')})`);
  }
  if (refs.users > 0) {
    notChecked.push(
      `${refs.users} user mention${refs.users === 1 ? '' : 's'} (Pagewright cannot look people up yet)`,
    );
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { diagnostics, lookups: maxLookups - budget, notChecked };
}

/** Confluence's placeholder for a macro it cannot find: "Unknown macro: {name}" (or 'name'). */
function reportsUnknownMacro(html: string, name: string): boolean {
  const escaped = escapeHtml(name);
  return (
    html.includes(`Unknown macro: {${escaped}}`) ||
    html.includes(`Unknown macro: '${escaped}'`) ||
    html.includes(`Unknown macro: &#39;${escaped}&#39;`)
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}
