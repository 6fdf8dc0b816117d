import type { Locator, Page } from '@playwright/test';

import { setFaults } from './emulator-admin';
import { expect } from './fixtures';
import { type EditorPage, SANDBOX_ID } from './pages/editor-page';

/**
 * Shared steps of the failure journeys: each user action ends by its one deadline (30 s, plus the
 * margin of the spec: 35 s) with a message naming the cause and the request id the server logged.
 */

/** Faults hit the page's own REST paths only (both flavours): sign-in and the rest work. */
export const PAGE_PATH = `/(rest/api/content|api/v2/pages)/${SANDBOX_ID}`;
export const DEADLINE_MS = 35_000;

/** Opens the Sandbox, types `text` as a paragraph of its own, then sets `faults` on its requests. */
export async function typeAndFault(
  editorPage: EditorPage,
  text: string,
  faults: Record<string, unknown>,
): Promise<void> {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph(text);
  await setFaults({ ...faults, pathPattern: PAGE_PATH });
}

export function alertNamed(page: Page, text: RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/** The alert names a request id an admin can look up. */
export async function expectRequestId(alert: Locator): Promise<void> {
  await expect(alert.getByText(/^Request id: [\w-]{8,}$/)).toBeVisible();
}
