/**
 * Which images the preview frame may load (docs/security.md: the frame's CSP says the same), and
 * the labelled box that stands in for one it may not.
 */

export interface ImagePolicy {
  appOrigin: string;
  allowExternalImages: boolean;
}

/** What an `<img src>` may do under the policy. */
export function imageVerdict(
  src: string,
  policy: ImagePolicy,
): 'load' | 'external-blocked' | 'insecure-blocked' {
  let url: URL;
  try {
    url = new URL(src, policy.appOrigin);
  } catch {
    return 'external-blocked';
  }
  if (url.protocol === 'data:') return 'load';
  if (url.origin === new URL(policy.appOrigin).origin) return 'load';
  if (url.protocol !== 'https:') return 'insecure-blocked';
  return policy.allowExternalImages ? 'load' : 'external-blocked';
}

/** Replaces images the policy does not allow by a labelled box (text only, no URL loads). */
export function guardImages(root: ParentNode, policy: ImagePolicy): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    const verdict = imageVerdict(src, policy);
    if (verdict === 'load') continue;
    const doc = image.ownerDocument;
    const box = doc.createElement('span');
    box.className = 'pw-blocked';
    box.setAttribute('role', 'img');
    box.setAttribute('data-blocked-src', src);
    const what =
      verdict === 'insecure-blocked' ? 'Insecure (http) image not loaded' : 'External image';
    const label = `${what}: ${src}`;
    box.setAttribute('aria-label', label);
    box.title = label;
    box.textContent =
      verdict === 'insecure-blocked'
        ? `${what}: ${src}`
        : `External image not loaded (allow external images to show it): ${src}`;
    image.replaceWith(box);
  }
}
