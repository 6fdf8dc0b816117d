import { escapeHtml as esc } from '../../http/respond';
import type { PageRecord } from '../../store/types';
import { attachmentDownload, pageWebui } from '../links';
import { childElement, textOf, type StorageElement } from './parse-tree';
import type { Renderer } from './render-context';

/** Resolves `ri:page` (title + optional space) against the rendering context. */
function resolvePage(ri: StorageElement, r: Renderer): PageRecord | undefined {
  const { ctx, page, spaceKey } = r.source;
  const title = ri.attrs['ri:content-title'];
  const space = ri.attrs['ri:space-key'] ?? page?.spaceKey ?? spaceKey;
  return title && space ? ctx.store.findByTitle(space, title, ctx.user) : undefined;
}

/** The page holding an `ri:attachment`: its `ri:page` child, else the page being rendered. */
function attachmentOwner(ri: StorageElement, r: Renderer): PageRecord | undefined {
  const pageRef = childElement(ri, 'ri:page');
  return pageRef ? resolvePage(pageRef, r) : r.source.page;
}

function linkBody(node: StorageElement, r: Renderer): string | undefined {
  const plain = childElement(node, 'ac:plain-text-link-body');
  if (plain) return esc(textOf(plain));
  const rich = childElement(node, 'ac:link-body');
  return rich ? r.children(rich) : undefined;
}

/** `ac:link`: page, attachment, user mention, space, anchor or URL targets. */
export function renderLink(node: StorageElement, r: Renderer): string {
  const anchor = node.attrs['ac:anchor'];
  const target = node.children.find(
    (child): child is StorageElement => child.type === 'element' && child.name.startsWith('ri:'),
  );
  const body = linkBody(node, r);
  const { ctx } = r.source;
  if (!target) return `<a href="#${esc(anchor ?? '')}">${body ?? esc(anchor ?? '')}</a>`;
  switch (target.name) {
    case 'ri:user': {
      const user = ctx.store
        .users()
        .find(
          (candidate) =>
            candidate.accountId === target.attrs['ri:account-id'] ||
            candidate.key === target.attrs['ri:userkey'] ||
            candidate.username === target.attrs['ri:username'],
        );
      const name = user?.displayName ?? 'Unknown user';
      const href =
        ctx.flavour === 'cloud'
          ? `/people/${user?.accountId ?? ''}`
          : `/display/~${user?.username ?? ''}`;
      return `<a class="confluence-userlink user-mention" data-account-id="${esc(user?.accountId ?? '')}" data-username="${esc(user?.username ?? '')}" href="${esc(r.url(href))}" data-linked-resource-type="userinfo">${body ?? esc(name)}</a>`;
    }
    case 'ri:page': {
      const page = resolvePage(target, r);
      const title = target.attrs['ri:content-title'] ?? '';
      if (!page) {
        return `<a class="createlink" href="${esc(r.url(`/pages/createpage.action?title=${encodeURIComponent(title)}`))}">${body ?? esc(title)}</a>`;
      }
      const hash = anchor ? `#${page.current.title.replace(/\s+/g, '')}-${anchor}` : '';
      return `<a href="${esc(r.url(pageWebui(ctx.flavour, page)) + hash)}" data-linked-resource-id="${page.id}" data-linked-resource-type="page">${body ?? esc(page.current.title)}</a>`;
    }
    case 'ri:attachment': {
      const filename = target.attrs['ri:filename'] ?? '';
      const owner = attachmentOwner(target, r);
      const file = owner?.attachments.find((attachment) => attachment.title === filename);
      if (!owner || !file) return `<span class="unresolved">${body ?? esc(filename)}</span>`;
      const href = attachmentDownload(owner.id, file.title, file.version, file.created);
      return `<a href="${esc(r.url(href))}" data-linked-resource-id="${file.id.replace(/^att/, '')}" data-linked-resource-type="attachment">${body ?? esc(filename)}</a>`;
    }
    case 'ri:space': {
      const key = target.attrs['ri:space-key'] ?? '';
      return `<a href="${esc(r.url(ctx.flavour === 'cloud' ? `/spaces/${key}` : `/display/${key}`))}">${body ?? esc(key)}</a>`;
    }
    case 'ri:url': {
      const url = target.attrs['ri:value'] ?? '';
      return `<a href="${esc(safeUrl(url))}">${body ?? esc(url)}</a>`;
    }
    default:
      return body ?? '';
  }
}

/** `ac:image` with an attachment (placeholder when missing) or an external URL. */
export function renderImage(node: StorageElement, r: Renderer): string {
  const size = ['width', 'height']
    .filter((name) => node.attrs[`ac:${name}`])
    .map((name) => ` ${name}="${esc(node.attrs[`ac:${name}`]!)}"`)
    .join('');
  const alt = node.attrs['ac:alt'] ? ` alt="${esc(node.attrs['ac:alt'])}"` : '';
  const url = childElement(node, 'ri:url');
  if (url) {
    return `<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image confluence-external-resource" src="${esc(safeUrl(url.attrs['ri:value'] ?? ''))}"${size}${alt} /></span>`;
  }
  const ri = childElement(node, 'ri:attachment');
  const filename = ri?.attrs['ri:filename'] ?? '';
  const owner = ri ? attachmentOwner(ri, r) : undefined;
  const file = owner?.attachments.find((attachment) => attachment.title === filename);
  if (!owner || !file) {
    const placeholder = r.url(
      '/plugins/servlet/confluence/placeholder/unknown-attachment?locale=en_GB&version=2',
    );
    return `<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image confluence-content-image-border" src="${esc(placeholder)}" data-unresolved-attachment="${esc(filename)}"${alt} /></span>`;
  }
  const src = r.url(attachmentDownload(owner.id, file.title, file.version, file.created));
  return (
    `<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image" src="${esc(src)}" data-image-src="${esc(src)}"` +
    ` data-linked-resource-id="${file.id.replace(/^att/, '')}" data-linked-resource-type="attachment" data-linked-resource-default-alias="${esc(file.title)}"` +
    ` data-base-url="${esc(r.source.ctx.base)}" data-linked-resource-content-type="${esc(file.mediaType)}" data-linked-resource-container-id="${owner.id}"${size}${alt} /></span>`
  );
}

/** `ac:emoticon` as Confluence's emoticon image (or the Cloud emoji fallback text). */
export function renderEmoticon(node: StorageElement, r: Renderer): string {
  const name = node.attrs['ac:name'] ?? 'smile';
  const fallback = node.attrs['ac:emoji-fallback'];
  const src = r.url(`/images/icons/emoticons/${encodeURIComponent(name)}.svg`);
  return `<img class="emoticon emoticon-${esc(name)}" data-emoticon-name="${esc(name)}" alt="${esc(fallback ?? `(${name})`)}" src="${esc(src)}" />`;
}

/** Only http(s), mailto and relative URLs survive; anything else (javascript:…) becomes `#`. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:|\/|#|\?)/i.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed))
    return trimmed;
  return '#';
}
