import type { ElementNode } from '../types';
import * as elementAttributesModule from './element-attributes';
import type { Attributes } from './html-writer';
import * as renderContextModule from './render-context';
import type { RenderContext } from './render-context';
import * as treeModule from './tree';
import * as urlPolicyModule from './url-policy';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { commonAttributes, TEXT_STYLE } = elementAttributesModule;
const { anchorHref, anchorId, renderChildren } = renderContextModule;
const { attr, childElement, childWithPrefix } = treeModule;
const { safeLinkUrl } = urlPolicyModule;

/**
 * Links: plain `<a href>`, and `ac:link` with its `ri:` target (page, blog post, attachment,
 * URL, space, user mention, anchor) and its body. URLs of pages and attachments come from the
 * caller's builders and are scheme-checked like any other URL.
 */

/** `<a href>` from the body; `#x` links point at the prefixed ids the preview writes. */
export function renderAnchorElement(ctx: RenderContext, element: ElementNode): void {
  const attributes: Attributes = commonAttributes(ctx, element, TEXT_STYLE);
  const name = attr(element, 'name');
  if (attributes.id === undefined && name !== undefined && name.trim() !== '') {
    attributes.id = anchorId(ctx, name);
  }
  attributes.href = linkHref(attr(element, 'href'));
  attributes.class = cardClass(attr(element, 'data-card-appearance'));
  ctx.out.open('a', attributes);
  renderChildren(ctx, element.children, true);
  ctx.out.close('a');
}

const CARD_APPEARANCES: ReadonlySet<string> = new Set(['inline', 'block', 'embed']);

/**
 * A Cloud smart card (`data-card-appearance`) is a link Confluence draws as a card with the
 * target's title and icon; the preview cannot fetch those, so it shows the link, styled by the
 * card's appearance (an inline lozenge, or a block box for block and embed cards).
 */
function cardClass(appearance: string | undefined): string {
  if (appearance === undefined || !CARD_APPEARANCES.has(appearance)) return 'pw-link';
  return `pw-link pw-card pw-card-${appearance}`;
}

function linkHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed.startsWith('#')) return trimmed.length > 1 ? anchorHref(trimmed.slice(1)) : null;
  return safeLinkUrl(trimmed);
}

interface ResolvedLink {
  kind: string;
  href: string | null;
  /** What the link says when it has no body. */
  text: string;
}

/** `ac:link`: a mention, or a link to its target with its rich or plain body. */
export function renderAcLink(ctx: RenderContext, element: ElementNode): void {
  const target = childWithPrefix(element, 'ri');
  if (target?.name === 'ri:user') {
    renderMention(ctx, target);
    return;
  }
  const link = resolveLink(ctx, element, target);
  const out = ctx.out;
  if (link.href !== null) {
    out.open('a', { class: `pw-link pw-link-${link.kind}`, href: link.href });
  } else {
    out.open('span', {
      class: `pw-link pw-link-${link.kind} pw-link-unresolved`,
      title: 'Link target not available in the preview',
    });
  }
  if (!renderLinkBody(ctx, element)) out.text(link.text);
  out.close(link.href !== null ? 'a' : 'span');
}

function resolveLink(
  ctx: RenderContext,
  element: ElementNode,
  target: ElementNode | undefined,
): ResolvedLink {
  const anchor = attr(element, 'ac:anchor');
  const withAnchor = (href: string | null) =>
    href !== null && anchor !== undefined && anchor !== ''
      ? `${href}#${encodeURIComponent(anchor)}`
      : href;
  switch (target?.name) {
    case 'ri:page':
    case 'ri:blog-post': {
      const title = attr(target, 'ri:content-title') ?? '';
      const spaceKey = attr(target, 'ri:space-key');
      if (title === '' && anchor !== undefined) return inPageLink(anchor);
      const built = ctx.options.pageUrl?.({ title, spaceKey }) ?? null;
      return { kind: 'page', href: withAnchor(safeLinkUrl(built)), text: title };
    }
    case 'ri:attachment': {
      const filename = attr(target, 'ri:filename') ?? '';
      const built = ctx.options.attachmentUrl?.(attachmentRef(target, filename)) ?? null;
      return { kind: 'attachment', href: safeLinkUrl(built), text: filename };
    }
    case 'ri:url': {
      const value = attr(target, 'ri:value') ?? '';
      return { kind: 'url', href: safeLinkUrl(value), text: value };
    }
    case 'ri:space': {
      const spaceKey = attr(target, 'ri:space-key') ?? '';
      return { kind: 'space', href: null, text: spaceKey };
    }
    case 'ri:shortcut': {
      const key = attr(target, 'ri:key') ?? '';
      const parameter = attr(target, 'ri:parameter') ?? '';
      return { kind: 'shortcut', href: null, text: parameter ? `${parameter}@${key}` : key };
    }
    case 'ri:content-entity':
      return {
        kind: 'content',
        href: null,
        text: `content ${attr(target, 'ri:content-id') ?? ''}`,
      };
    case undefined:
      if (anchor !== undefined) return inPageLink(anchor);
      return { kind: 'page', href: null, text: '' };
    default:
      return { kind: 'other', href: null, text: '' };
  }
}

function inPageLink(anchor: string): ResolvedLink {
  return { kind: 'anchor', href: anchorHref(anchor), text: anchor };
}

/** Where an attachment lives: its own `ri:page`/`ri:blog-post`/`ri:space` child, if any. */
export function attachmentRef(
  target: ElementNode,
  filename: string,
): { filename: string; pageTitle?: string; spaceKey?: string } {
  const container = childWithPrefix(target, 'ri');
  if (container === undefined) return { filename };
  const pageTitle = attr(container, 'ri:content-title');
  const spaceKey = attr(container, 'ri:space-key');
  return {
    filename,
    ...(pageTitle !== undefined ? { pageTitle } : {}),
    ...(spaceKey !== undefined ? { spaceKey } : {}),
  };
}

/** Writes the link's body; false when it has none (or only whitespace). */
function renderLinkBody(ctx: RenderContext, element: ElementNode): boolean {
  const plain = childElement(element, 'ac:plain-text-link-body');
  if (plain !== undefined) {
    let text = '';
    const children = plain.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text' || child.type === 'cdata') text += child.value;
    }
    if (text.trim() === '') return false;
    ctx.out.text(text);
    return true;
  }
  const rich = childElement(element, 'ac:link-body');
  if (rich === undefined || !hasContent(rich)) return false;
  renderChildren(ctx, rich.children, true);
  return true;
}

function hasContent(element: ElementNode): boolean {
  return element.children.some(
    (child) =>
      child.type === 'element' ||
      ((child.type === 'text' || child.type === 'cdata') && child.value.trim() !== ''),
  );
}

/** `@name` from the caller's directory, else the stored id. */
function renderMention(ctx: RenderContext, user: ElementNode): void {
  const accountId = attr(user, 'ri:account-id');
  const userKey = attr(user, 'ri:userkey');
  const username = attr(user, 'ri:username');
  const ref = {
    ...(accountId !== undefined ? { accountId } : {}),
    ...(userKey !== undefined ? { userKey } : {}),
    ...(username !== undefined ? { username } : {}),
  };
  const name = ctx.options.userName?.(ref) ?? accountId ?? userKey ?? username ?? 'unknown user';
  ctx.out.element('span', { class: 'pw-mention' }, `@${name}`);
}
