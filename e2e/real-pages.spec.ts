import type { Page } from '@playwright/test';

import { viewOf } from '../lib/pages/page-view';
import { concurrentEdit, readPage, resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { appErrors, type EditorPage, SANDBOX_ID } from './pages/editor-page';

/**
 * Pages stored as Confluence's own editor stores them, on one line: they open laid out, one block
 * per line, and a save (also after a 409 and its merge) writes back only what the user changed.
 */

/** 200 KB of tables, stored on one line. */
const LARGE_TABLES_ID = '9470042';
/** Stored on one line with the Cloud editor's markup (local ids on every cell and paragraph). */
const CLOUD_EDITOR_ID = '9470051';
const LARGE_ONE_LINE_ID = '9470052';

/** `text` occurs exactly once in `body`. */
function expectOnce(body: string, text: string): void {
  expect(body.split(text)).toHaveLength(2);
}

test.beforeEach(async () => {
  await resetEmulator();
});

/** The status bar's cursor readout: line and column. */
async function cursorAt(page: Page): Promise<{ line: number; column: number }> {
  const readout = page.getByText(/^Ln \d+, Col \d+$/);
  const [, line, column] = /^Ln (\d+), Col (\d+)$/.exec((await readout.textContent()) ?? '')!;
  return { line: Number(line), column: Number(column) };
}

/** Selects the first occurrence of `text` in the editor through Monaco's find widget. */
async function selectInEditor(page: Page, editorPage: EditorPage, text: string): Promise<void> {
  await editorPage.focusEditor();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  const find = editorPage.editor.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill(text);
  await expect(editorPage.editor.locator('.find-widget .matchesCount')).toHaveText(/^1 of 1$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The widget closes; the match stays selected in the editor, which has the keyboard again.
  await expect(
    editorPage.editor.getByRole('textbox', { name: /^Storage format source of / }),
  ).toBeFocused();
}

test('a one-line page opens laid out on lines and is highlighted to its last line', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  const stored = await readPage(LARGE_ONE_LINE_ID);
  const outsideCdata = stored.body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  expect(outsideCdata).not.toContain('\n');
  expect(stored.body.length).toBeGreaterThan(300_000);

  await editorPage.signInAndOpen(LARGE_ONE_LINE_ID, { untilSaved: true });
  await editorPage.focusEditor();
  await page.keyboard.press('ControlOrMeta+End');
  // One block per line: thousands of lines, as many as the laid-out view has.
  const shownLines = viewOf(stored.body).text.split('\n').length;
  expect(shownLines).toBeGreaterThan(5000);
  await expect.poll(async () => (await cursorAt(page)).line).toBe(shownLines);

  // Monaco tokenized the body to its end: the last line is drawn in more than one colour.
  const lastLine = editorPage.editor.locator('.view-line').last();
  await expect(lastLine).toContainText('</');
  const classes = await editorPage.editor
    .locator('.view-line span span')
    .evaluateAll((spans) => [...new Set(spans.map((span) => span.className))]);
  expect(classes.filter((name) => /^mtk\d+/.test(name)).length).toBeGreaterThan(2);
  // Laying out is not a change.
  await expect(editorPage.saveState).toHaveText(/^Saved v\d+$/);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('editing a table cell of a one-line page saves the stored bytes with that edit only', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  const before = await readPage(LARGE_TABLES_ID);
  expect(before.body.match(/<td>DEMO-5003<\/td>/g)).toHaveLength(1);

  await editorPage.signInAndOpen(LARGE_TABLES_ID, { untilSaved: true });
  await selectInEditor(page, editorPage, 'DEMO-5003<');
  await page.keyboard.insertText('DEMO-5003 (edited)<');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  // The save panel counts the change in the user's view: one line.
  await editorPage.toolbarButton('Save').click();
  await expect(editorPage.savePanel).toContainText('1 line added, 1 removed');
  await editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editorPage.savePanel).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText(`Saved v${before.version.number + 1}`);

  const after = await readPage(LARGE_TABLES_ID);
  expect(after.body).toBe(before.body.replace('<td>DEMO-5003</td>', '<td>DEMO-5003 (edited)</td>'));
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a 409 and its merge save theirs plus my edit, in the stored layout', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  const before = await readPage(CLOUD_EDITOR_ID);
  await editorPage.signInAndOpen(CLOUD_EDITOR_ID, { untilSaved: true });

  // Alex changes one table cell, on the page's one line, while I edit another.
  expectOnce(before.body, '>First public build<');
  expectOnce(before.body, '>Scroll sync<');
  const theirs = before.body.replace('>First public build<', '>First public build (Alex)<');
  await concurrentEdit(CLOUD_EDITOR_ID, { body: theirs, message: 'Colleague edit' });
  await selectInEditor(page, editorPage, '>Scroll sync<');
  await page.keyboard.insertText('>Scroll sync (mine)<');
  await editorPage.saveThroughPanel();

  const review = page.getByRole('dialog', {
    name: `Merge with version ${before.version.number + 1}`,
  });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Save merged' }).click();
  await expect(review).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText(`Saved v${before.version.number + 2}`);

  const after = await readPage(CLOUD_EDITOR_ID);
  expect(after.body).toBe(theirs.replace('>Scroll sync<', '>Scroll sync (mine)<'));
  // The editor shows the saved page laid out, both edits in it, nothing left to save.
  await selectInEditor(page, editorPage, 'First public build (Alex)');
  await expect(editorPage.saveState).toHaveText(`Saved v${before.version.number + 2}`);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('"Save formatted" (off by default) saves the laid-out text', async ({ page, editorPage }) => {
  const before = await readPage(CLOUD_EDITOR_ID);
  await editorPage.signInAndOpen(CLOUD_EDITOR_ID, { untilSaved: true });
  const saveFormatted = page.getByRole('checkbox', { name: /^Save formatted/ });
  await expect(saveFormatted).not.toBeChecked();
  await expect(saveFormatted).toHaveAccessibleName(/every line changes in Confluence's history/);
  await saveFormatted.check();

  await selectInEditor(page, editorPage, '>Preview marks<');
  await page.keyboard.insertText('>Preview marks (formatted)<');
  await editorPage.saveThroughPanel();
  await expect(editorPage.saveState).toHaveText(`Saved v${before.version.number + 1}`);
  const after = await readPage(CLOUD_EDITOR_ID);
  expect(after.body).toBe(
    viewOf(before.body).text.replace('>Preview marks<', '>Preview marks (formatted)<'),
  );

  // Remembered; and unticked again, saves go back to the stored layout.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^Save formatted/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /^Save formatted/ }).uncheck();
});

test('a page on readable lines opens as it is stored', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  const stored = await readPage(SANDBOX_ID);
  const lines = stored.body.split('\n').length;
  expect(lines).toBeGreaterThan(10);
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.focusEditor();
  await page.keyboard.press('ControlOrMeta+End');
  await expect.poll(async () => (await cursorAt(page)).line).toBe(lines);
  expect(appErrors(consoleErrors)).toEqual([]);
});
