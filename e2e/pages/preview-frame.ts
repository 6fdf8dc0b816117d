import type { FrameLocator, Page } from '@playwright/test';

/** The preview's frame, on the page editor and the Scratchpad alike (the one on screen). */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Preview"]');
}
