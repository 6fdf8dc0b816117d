import type { Locator, Page } from '@playwright/test';

import { expect } from './fixtures';

/** Shared steps of the page-editor and save-flow specs (the Sandbox page, Demo User on DC). */

export const SANDBOX_ID = '9470040';

export function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error('E2E_EMULATOR_URL is not set: global-setup did not run');
  return url;
}

/** An admin call (`/__emulator/…`); returns the JSON answer. */
export async function emulatorAdmin(
  path: string,
  body: unknown = {},
  method: 'POST' | 'DELETE' = 'POST',
): Promise<unknown> {
  const response = await fetch(`${emulatorUrl()}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'DELETE' ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} /__emulator${path}`).toBe(true);
  return response.json();
}

export interface StoredVersion {
  title: string;
  body: string;
  version: { number: number; message: string; minorEdit: boolean };
  /** The direct parent's id (the last ancestor), or null for a page at the top of its space. */
  parentId: string | null;
}

/** The page as Confluence (the emulator) has it now, read as Demo User over DC REST v1. */
export async function storedPage(id: string): Promise<StoredVersion> {
  const response = await fetch(
    `${emulatorUrl()}/rest/api/content/${id}?expand=version,body.storage,ancestors`,
    { headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` } },
  );
  expect(response.ok).toBe(true);
  const json = (await response.json()) as {
    title: string;
    body: { storage: { value: string } };
    version: { number: number; message: string; minorEdit: boolean };
    ancestors: Array<{ id: string }>;
  };
  return {
    title: json.title,
    body: json.body.storage.value,
    version: json.version,
    parentId: json.ancestors.at(-1)?.id ?? null,
  };
}

export async function openEditor(page: Page, appUrl: string, id = SANDBOX_ID): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();
  await page.evaluate((key) => localStorage.removeItem(key), `pagewright:draft:${id}`);
  await page.goto(`${appUrl}/pages/${id}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

/** The page's own editor (not a diff editor inside a dialog). */
function mainEditor(page: Page): Locator {
  return page
    .locator('.monaco-editor')
    .filter({ has: page.getByRole('textbox', { name: /^Storage format source of / }) });
}

/** Appends a paragraph at the end of the body as one insertion (no auto-closing on the way). */
export async function appendParagraph(page: Page, text: string): Promise<void> {
  await mainEditor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`<p>${text}</p>`);
}

/** Inserts a paragraph as the first line of the body. */
export async function prependParagraph(page: Page, text: string): Promise<void> {
  await mainEditor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText(`<p>${text}</p>\n`);
}

/**
 * Whether the page's own editor holds `text` near its start or its end (Monaco draws only the
 * visible lines, so the cursor goes there first).
 */
export async function expectEditorToShow(
  page: Page,
  text: string,
  where: 'start' | 'end' = 'end',
): Promise<void> {
  const editor = mainEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press(where === 'end' ? 'ControlOrMeta+End' : 'ControlOrMeta+Home');
  await expect(editor.locator('.view-lines')).toContainText(text);
}

export function saveState(page: Page): Locator {
  return page.getByTestId('save-state');
}

export function toolbarButton(page: Page, name: string): Locator {
  return page
    .getByRole('toolbar', { name: 'Page tools' })
    .getByRole('button', { name, exact: true });
}

export function savePanel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Save page' });
}

/** Save → the panel → its own Save button. */
export async function saveThroughPanel(page: Page): Promise<void> {
  await toolbarButton(page, 'Save').click();
  await savePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(savePanel(page)).toHaveCount(0);
}

/** Console noise that is not an app error: the HTTP status of an expected failed request. */
export function appErrors(errors: string[]): string[] {
  return errors.filter((message) => !/status of (409|429)/.test(message));
}

/**
 * Saves a page straight into Confluence (the emulator) as Demo User over DC REST v1, as a
 * colleague would: sets up bodies the seed lacks, or makes a change behind the editor's back.
 */
export async function putStoredPage(
  id: string,
  page: { title: string; body: string; version: number },
): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/rest/api/content/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      type: 'page',
      title: page.title,
      version: { number: page.version },
      body: { storage: { value: page.body, representation: 'storage' } },
    }),
  });
  expect(response.ok, `PUT /rest/api/content/${id}`).toBe(true);
}

/**
 * Replaces the first line of the page's own editor with `text`: Monaco's "Delete Line" (the
 * whole line, however it wraps), then one insertion.
 */
export async function replaceFirstLine(page: Page, text: string): Promise<void> {
  await mainEditor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await page.keyboard.insertText(`${text}\n`);
}
