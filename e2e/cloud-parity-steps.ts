import type { FrameLocator, Page } from '@playwright/test';

import { expect } from './fixtures';

/** Shared steps of the cloud-parity specs: the two flavours, the demo people, the preview. */

export const FLAVOURS = ['Cloud', 'Data Center'] as const;
export type Flavour = (typeof FLAVOURS)[number];
export type Person = 'Demo User' | 'Alex Other' | 'Robin Reader';

/** Account ids of the Cloud demo people all start like this; none may ever be shown. */
export const ACCOUNT_ID_PREFIX = '5f3a1b2c3d4e5f6a7b8c9d0';

export async function signInAs(
  page: Page,
  appUrl: string,
  person: Person,
  flavour: Flavour,
): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page
    .getByRole('button', { name: new RegExp(`Use demo account: ${person} — ${flavour}`) })
    .click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
}

export async function openPageAs(
  page: Page,
  appUrl: string,
  id: string,
  person: Person,
  flavour: Flavour,
): Promise<void> {
  await signInAs(page, appUrl, person, flavour);
  await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${id}`);
  await page.goto(`${appUrl}/pages/${id}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Preview"]');
}

/** Switches the preview to Confluence's own rendering and waits for it. */
export async function showExactPreview(page: Page): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Preview mode' }).getByLabel('Confluence').check();
  await expect(page.getByTestId('preview-label')).toContainText('Confluence rendering — exact');
  await expect(page.getByTestId('preview-label')).toContainText('fetched');
}
