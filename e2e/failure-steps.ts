import type { Locator, Page } from '@playwright/test';

import { expect } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/**
 * Shared steps of the failure journeys: each user action ends by its one deadline (30 s, plus the
 * margin of the spec: 35 s) with a message naming the cause and the request id the server logged.
 */

/** Faults hit the page's own REST paths only (both flavours): sign-in and the rest work. */
export const PAGE_PATH = `/(rest/api/content|api/v2/pages)/${SANDBOX_ID}`;
export const DEADLINE_MS = 35_000;

export function alertNamed(page: Page, text: RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/** The alert names a request id an admin can look up. */
export async function expectRequestId(alert: Locator): Promise<void> {
  await expect(alert.getByText(/^Request id: [\w-]{8,}$/)).toBeVisible();
}
