import type { Page } from '@playwright/test';

import { expect } from '../fixtures';

/** Page-editor steps shared by the security journeys, by accessible name where possible. */

export async function signInAsDemo(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
}

/** Opens a page in the editor with no local draft left over, and waits for Monaco. */
export async function openPage(page: Page, appUrl: string, id: string): Promise<void> {
  await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${id}`);
  await page.goto(`${appUrl}/pages/${id}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(saveState(page)).toHaveText(/^Saved v\d+$/);
}

export function saveState(page: Page) {
  return page.getByTestId('save-state');
}

/** Moves to the end of the body and types `text` key by key (real keystrokes). */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Appends a paragraph as one insertion (no auto-closing of the typed tags on the way). */
export async function appendParagraph(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`<p>${text}</p>`);
}

/** Save: the toolbar button opens the save dialog, whose Save button submits. */
export async function save(page: Page): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Page tools' })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
  // By name: a conflict may open the merge view (another dialog) as this one closes.
  const dialog = page.getByRole('dialog', { name: 'Save page' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** The preview's frame (the one on screen, not one loading behind it). */
export function preview(page: Page) {
  return page.frameLocator('iframe[title="Preview"]');
}
