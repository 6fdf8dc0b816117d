import type { ElementNode } from '../types';
import { renderChildren, type RenderContext } from './render-context';
import { attachmentRef } from './render-links';
import { attr, childElement, childWithPrefix, lookup, positiveInt } from './tree';
import { isHttpUrl, safeImageUrl } from './url-policy';

/**
 * Images: `ac:image` with an attachment (URL from the caller's builder, so the app can proxy
 * it) or an external `ri:url` (http/https only), and plain `<img src>`. What cannot be shown
 * becomes a labelled box, so the author sees that an image is there.
 */

const ALIGNMENTS: Readonly<Record<string, string>> = {
  center: 'center',
  centre: 'center',
  left: 'left',
  'align-start': 'left',
  'wrap-left': 'left',
  right: 'right',
  'align-end': 'right',
  'wrap-right': 'right',
};

/** `ac:image` with its size, alignment, alt text and caption. */
export function renderAcImage(ctx: RenderContext, element: ElementNode): void {
  const target = childWithPrefix(element, 'ri');
  const alt = attr(element, 'ac:alt');
  let src: string | null = null;
  let label = 'image';
  if (target?.name === 'ri:attachment') {
    const filename = attr(target, 'ri:filename') ?? '';
    label = filename;
    src = safeImageUrl(ctx.options.attachmentUrl?.(attachmentRef(target, filename)) ?? null);
  } else if (target?.name === 'ri:url') {
    const value = attr(target, 'ri:value') ?? '';
    label = value;
    src = isHttpUrl(value) ? value.trim() : null;
  }
  const align = lookup(ALIGNMENTS, attr(element, 'ac:align') ?? attr(element, 'ac:layout') ?? '');
  const out = ctx.out;
  out.open('span', {
    class: align === undefined ? 'pw-image' : `pw-image pw-image-${align}`,
  });
  if (src === null) {
    renderMissingImage(ctx, label);
  } else {
    const border = attr(element, 'ac:border') === 'true';
    out.void('img', {
      src,
      alt: alt ?? '',
      title: attr(element, 'ac:title'),
      width: positiveInt(attr(element, 'ac:width'), 10_000),
      height: positiveInt(attr(element, 'ac:height'), 10_000),
      class: border ? 'pw-image-border' : undefined,
      loading: 'lazy',
    });
  }
  const caption = childElement(element, 'ac:caption');
  if (caption !== undefined) {
    out.open('span', { class: 'pw-image-caption' });
    renderChildren(ctx, caption.children, true);
    out.close('span');
  }
  out.close('span');
}

/** Plain `<img src>`: only absolute http(s) or raster data URLs can show in the preview. */
export function renderPlainImage(ctx: RenderContext, element: ElementNode): void {
  const raw = attr(element, 'src') ?? '';
  const src = safeImageUrl(raw);
  if (src === null || !(isHttpUrl(src) || src.startsWith('data:'))) {
    renderMissingImage(ctx, raw);
    return;
  }
  ctx.out.void('img', {
    src,
    alt: attr(element, 'alt') ?? '',
    title: attr(element, 'title'),
    width: positiveInt(attr(element, 'width'), 10_000),
    height: positiveInt(attr(element, 'height'), 10_000),
    loading: 'lazy',
  });
}

function renderMissingImage(ctx: RenderContext, label: string): void {
  const text = label === '' ? 'Missing image' : `Missing image: ${label}`;
  ctx.out.element(
    'span',
    { class: 'pw-image-missing', role: 'img', 'aria-label': text, 'data-fidelity': 'missing' },
    text,
  );
}
