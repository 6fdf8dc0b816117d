import { trustedPreviewHtml } from '@/lib/security/trusted-types';

import { splitTopLevelBlocks } from './preview-blocks';
import { planBlockPatch } from './preview-patch';

/**
 * Puts sanitized preview HTML into the frame's body block by block. Only blocks whose HTML
 * changed are parsed and inserted; the others keep their nodes, so the browser re-lays out little
 * and the scroll position stays where it was.
 *
 * Security notes (docs/security.md XSS-1/5/6): the strings are DOMPurify's output, cut at top-level
 * boundaries only (preview-blocks.ts), and parsed by the browser's HTML parser in body context,
 * which is what `srcdoc` would do with the whole. They are parsed in an inert document (no
 * browsing context: nothing loads, nothing runs) and then adopted into the frame, whose sandbox
 * has no `allow-scripts` and whose CSP allows no script. The only change made to the parsed
 * nodes is replacing images the policy does not allow by a text placeholder.
 *
 * Trusted Types (XSS-9): each block reaches the parser through the `app-preview` policy
 * (lib/security/trusted-types.ts), which sanitizes it again with the same DOMPurify config; the
 * frame inherits the app's CSP, so a plain string would be refused there.
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
function guardImages(root: ParentNode, policy: ImagePolicy): void {
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

export interface BlockPatcher {
  /** Makes the body show `html`; returns how many blocks were (re)created. */
  update(html: string): number;
}

/**
 * A top-level block's start offset in the source changes with every edit above it, while the
 * block itself does not: blocks are matched without it, and a kept block gets its new offset.
 */
const SOURCE_OFFSET = / data-source-offset="(\d+)"/;

function withoutSourceOffset(blockHtml: string): string {
  return blockHtml.replace(SOURCE_OFFSET, '');
}

function moveSourceOffset(blockNodes: readonly Node[], blockHtml: string): void {
  const offset = SOURCE_OFFSET.exec(blockHtml)?.[1];
  if (offset === undefined) return;
  for (const node of blockNodes) {
    if (node.nodeType === 1 && (node as Element).hasAttribute('data-source-offset')) {
      (node as Element).setAttribute('data-source-offset', offset);
      return;
    }
  }
}

export function createBlockPatcher(frameDocument: Document, policy: ImagePolicy): BlockPatcher {
  const inert = frameDocument.implementation.createHTMLDocument('');
  const range = inert.createRange();
  range.selectNodeContents(inert.body);
  let keys: string[] = [];
  let nodes: Node[][] = [];

  const create = (html: string): Node[] => {
    // TrustedHTML where the browser has Trusted Types; lib.dom types the parameter as string.
    const fragment = range.createContextualFragment(trustedPreviewHtml(html) as string);
    guardImages(fragment, policy);
    const adopted = frameDocument.adoptNode(fragment);
    return Array.from(adopted.childNodes);
  };

  return {
    update(html) {
      const blocks = splitTopLevelBlocks(html);
      const blockKeys = blocks.map(withoutSourceOffset);
      const plan = planBlockPatch(keys, blockKeys);
      const body = frameDocument.body;
      const reused = new Set<number>();
      for (const from of plan) if (from >= 0) reused.add(from);
      for (let i = 0; i < nodes.length; i++) {
        if (!reused.has(i)) for (const node of nodes[i]!) node.parentNode?.removeChild(node);
      }
      let created = 0;
      const nextNodes: Node[][] = [];
      let cursor: ChildNode | null = body.firstChild;
      for (let j = 0; j < blocks.length; j++) {
        const from = plan[j]!;
        const blockNodes = from >= 0 ? nodes[from]! : create(blocks[j]!);
        if (from < 0) created++;
        else moveSourceOffset(blockNodes, blocks[j]!);
        for (const node of blockNodes) {
          if (node === cursor) cursor = cursor.nextSibling;
          else body.insertBefore(node, cursor);
        }
        nextNodes.push(blockNodes);
      }
      // Anything else (nothing, unless the body was touched from outside) goes.
      while (cursor) {
        const next: ChildNode | null = cursor.nextSibling;
        cursor.remove();
        cursor = next;
      }
      keys = blockKeys;
      nodes = nextNodes;
      return created;
    },
  };
}
