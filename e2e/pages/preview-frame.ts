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
