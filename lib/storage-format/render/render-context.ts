import type { StorageNode } from '../types';
import type { HtmlWriter } from './html-writer';
import type { RenderOptions } from './render-options';

/** State shared by all renderers during one render. */

export interface TocHeading {
  level: number;
  text: string;
  /** Id as the reader's DOM will have it, i.e. already carrying the `user-content-` prefix. */
  targetId: string;
}

export interface TocRequest {
  slot: number;
  parameters: ReadonlyMap<string, string>;
  /** `data-source-line` for the toc when it is a top-level block, else 0. */
  line: number;
  /** Its `data-source-offset` (the preview's marks and scroll sync key on it), else -1. */
  offset: number;
  inline: boolean;
}

export interface RenderContext {
  readonly out: HtmlWriter;
  readonly options: RenderOptions;
  /**
   * Prefix written in front of ids: '' when DOMPurify will run (SANITIZE_NAMED_PROPS adds
   * `user-content-` itself), `user-content-` when it will not — the final DOM is the same.
   */
  readonly idPrefix: string;
  /** True while rendering inside phrasing content (a paragraph, heading, span …). */
  inline: boolean;
  depth: number;
  readonly headings: TocHeading[];
  readonly usedIds: Set<string>;
  /**
   * Per heading key, the first `.n` suffix not yet known to be taken: a page repeating a heading
   * would otherwise probe `x.1`, `x.2` … from the start for every copy (quadratic). Ids are only
   * ever added during a render, so the suffixes below it stay taken.
   */
  readonly nextSuffixes: Map<string, number>;
  readonly tocRequests: TocRequest[];
  /** Renders a node list (the dispatcher; given here so renderers need not import it). */
  renderNodes(nodes: readonly StorageNode[]): void;
}

/** The prefix DOMPurify's SANITIZE_NAMED_PROPS puts on ids; in-page links point past it. */
export const ID_PREFIX = 'user-content-';

/** Anchor names become ids without whitespace, as Confluence's own anchors do. */
export function anchorKey(name: string): string {
  // Runs between whitespace are copied as slices: most names have little or none.
  let key = '';
  let runStart = 0;
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) > 0x20) continue;
    if (i > runStart) key += name.slice(runStart, i);
    runStart = i + 1;
  }
  if (runStart === 0) return name;
  return runStart < name.length ? key + name.slice(runStart) : key;
}

/** `href` of an in-page link to anchor `name`. */
export function anchorHref(name: string): string {
  return '#' + ID_PREFIX + anchorKey(name);
}

/** Value to write in an `id` attribute for anchor `name`; registers it as used. */
export function anchorId(ctx: RenderContext, name: string): string {
  const key = anchorKey(name);
  ctx.usedIds.add(key);
  return ctx.idPrefix + key;
}

/** A key not used yet on this page, derived from `base` (`x`, `x.1`, `x.2` …). */
export function uniqueAnchorKey(ctx: RenderContext, base: string): string {
  const key = anchorKey(base) || 'section';
  if (!ctx.usedIds.has(key)) return key;
  for (let n = ctx.nextSuffixes.get(key) ?? 1; ; n++) {
    const candidate = key + '.' + n;
    if (!ctx.usedIds.has(candidate)) {
      ctx.nextSuffixes.set(key, n);
      return candidate;
    }
  }
}

/**
 * Renders `nodes` with `ctx.inline` set to `inline` (phrasing or flow content), restoring it
 * afterwards. No closure per call: this runs for nearly every element of a page.
 */
export function renderChildren(
  ctx: RenderContext,
  nodes: readonly StorageNode[],
  inline: boolean,
): void {
  const saved = ctx.inline;
  ctx.inline = inline;
  ctx.renderNodes(nodes);
  ctx.inline = saved;
}
