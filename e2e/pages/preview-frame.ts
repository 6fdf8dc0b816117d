import type { FrameLocator, Locator, Page } from '@playwright/test';

const PREVIEW_IFRAME = 'iframe[title="Preview"]';

/** The preview's frame, on the page editor and the Scratchpad alike (the one on screen). */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator(PREVIEW_IFRAME);
}

/** The preview's `<iframe>` element itself: its attributes, its window's scroll offset. */
export function previewIframe(page: Page): Locator {
  return page.locator(PREVIEW_IFRAME);
}

/** A box in the frame's viewport, px. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One fidelity mark of the frame (lib/preview/preview-marks.ts), with the block it marks. */
export interface ShownMark {
  offset: number;
  fidelity: string;
  label: string;
  box: Box;
  /** The marked top-level block: its tag and box (null if no block starts at the offset). */
  block: { tag: string; text: string; box: Box } | null;
}

/** The fidelity marks the frame shows now, in order. */
export function previewMarks(page: Page): Promise<ShownMark[]> {
  return previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const boxOf = (target: Element): Box => {
      const { left, top, right, bottom } = target.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const blocks = new Map(
      Array.from(doc.body.children).map((block) => [
        block.getAttribute('data-source-offset'),
        block,
      ]),
    );
    return Array.from(doc.querySelectorAll('pw-mark')).map((mark) => {
      const offset = mark.getAttribute('data-source-offset');
      const block = blocks.get(offset);
      return {
        offset: Number(offset),
        fidelity: mark.getAttribute('data-fidelity') ?? '',
        label: mark.getAttribute('aria-label') ?? '',
        box: boxOf(mark),
        block: block
          ? {
              tag: block.tagName.toLowerCase(),
              text: (block.textContent ?? '').trim().slice(0, 80),
              box: boxOf(block),
            }
          : null,
      };
    });
  });
}

/** The boxes of every piece of text in the frame's body (each line of each text node). */
export function previewTextBoxes(page: Page): Promise<Box[]> {
  return previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const range = doc.createRange();
    const boxes: Box[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width === 0 || rect.height === 0) continue;
        boxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
      }
    }
    return boxes;
  });
}

/** Whether two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The frame's focused element: a mark's source offset, or null when no mark has focus. */
export function focusedMarkOffset(page: Page): Promise<number | null> {
  return previewIframe(page).evaluate((element) => {
    const active = (element as HTMLIFrameElement).contentDocument!.activeElement;
    return active?.tagName.toLowerCase() === 'pw-mark'
      ? Number(active.getAttribute('data-source-offset'))
      : null;
  });
}

/** What the focused (or hovered) mark shows as its tooltip: its `::after` content. */
export function markTooltip(page: Page, offset: number): Promise<string> {
  return previewIframe(page).evaluate((element, at) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const mark = doc.querySelector(`pw-mark[data-source-offset="${at}"]`)!;
    return doc.defaultView!.getComputedStyle(mark, '::after').content;
  }, offset);
}

/** The frame's vertical scroll offset. */
export function frameScrollY(page: Page): Promise<number> {
  return previewIframe(page).evaluate(
    (element) => (element as HTMLIFrameElement).contentWindow!.scrollY,
  );
}

/** The `data-source-offset` of the top-level block at the frame's top edge. */
export function frameTopBlockOffset(page: Page): Promise<number> {
  return previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    let offset = 0;
    for (const block of Array.from(doc.body.children)) {
      if (block.getBoundingClientRect().top > 5) break;
      offset = Number(block.getAttribute('data-source-offset') ?? offset);
    }
    return offset;
  });
}

/** The number of the last `<h2>Section N</h2>` at or above the frame's top edge (0 if none). */
export function frameTopSection(page: Page): Promise<number> {
  return previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const above = Array.from(doc.querySelectorAll('h2')).filter(
      (heading) => heading.getBoundingClientRect().top <= 5,
    );
    return Number(/\d+/.exec(above[above.length - 1]?.textContent ?? '')?.[0] ?? 0);
  });
}

/** Scrolls the frame so the top-level block with `text` is at its top, as a user would. */
export async function scrollFrameTo(page: Page, selector: string, text: string): Promise<void> {
  await previewIframe(page).evaluate(
    (element, [css, wanted]) => {
      const doc = (element as HTMLIFrameElement).contentDocument!;
      const target = Array.from(doc.querySelectorAll(css!)).find(
        (candidate) => candidate.textContent === wanted,
      )!;
      target.scrollIntoView();
    },
    [selector, text],
  );
}
