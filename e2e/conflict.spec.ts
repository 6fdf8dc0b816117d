import { expect, test } from './fixtures';
import { concurrentEdit, readPage, resetEmulator } from './emulator-admin';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/** A colleague saved while I was editing: three-way merge, merge review, conflict view. */

test.beforeEach(async () => {
  await resetEmulator();
});

test('edits in different parts merge cleanly; the merged save keeps both', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  // Alex changes a table cell near the top while I append a paragraph at the end.
  const before = await readPage(SANDBOX_ID);
  expect(before.body).toContain('<td>Alex</td>');
  await concurrentEdit(SANDBOX_ID, {
    body: before.body.replace('<td>Alex</td>', '<td>Alex, changed by the colleague</td>'),
    message: 'Colleague fixed the owner',
  });
  await editorPage.appendParagraph('My paragraph at the end');
  await editorPage.saveThroughPanel();

  const review = page.getByRole('dialog', { name: 'Merge with version 4' });
  await expect(review).toBeVisible();
  await expect(review).toContainText('do not overlap');
  const editor = review.locator('.monaco-diff-editor');
  await expect(editor).toBeVisible();
  await review.getByRole('button', { name: 'Save merged' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByText('Saved version 5')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v5');

  const stored = await readPage(SANDBOX_ID);
  expect(stored.version.number).toBe(5);
  expect(stored.body).toContain('Alex, changed by the colleague');
  expect(stored.body).toContain('<p>My paragraph at the end</p>');
  // The editor holds what was saved (nothing left to save): both edits.
  await editorPage.expectToShow('My paragraph at the end');
  await expect(editorPage.saveState).toHaveText('Saved v5');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('overlapping edits open the conflict view; the resolved result keeps both texts', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  // Alex appends a paragraph at the end; so do I: the same place, a real conflict.
  await concurrentEdit(SANDBOX_ID);
  await editorPage.appendParagraph('Mine at the end, never lost');
  await editorPage.saveThroughPanel();

  const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 4' });
  await expect(view).toBeVisible();
  const right = view.locator('.monaco-diff-editor .modified');
  // The conflict is at the end of the page: show it.
  await right.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(right.locator('.view-lines')).toContainText('<<<<<<< your text');
  await expect(right.locator('.view-lines')).toContainText('>>>>>>> version 4 by Alex Other');

  // Markers left in: refused, with the reason.
  await view.getByRole('button', { name: 'Save result' }).click();
  await expect(view.getByRole('alert')).toContainText('conflict markers');
  expect((await readPage(SANDBOX_ID)).version.number).toBe(4);

  // Cancel keeps mine in the editor; reopening resumes the result.
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(view).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText('Conflict');
  await editorPage.expectToShow('Mine at the end, never lost');
  await page.getByRole('button', { name: 'Resolve the conflict' }).click();
  await expect(view).toBeVisible();

  // Resolve: keep both paragraphs, delete the three marker lines (they close the body).
  await right.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(right.locator('.view-lines')).toContainText('>>>>>>> version 4');
  await page.keyboard.press('ControlOrMeta+Shift+K'); // >>>>>>> version 4 by …
  await page.keyboard.press('ArrowUp'); // =======
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // <<<<<<< your text
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await expect(right.locator('.view-lines')).not.toContainText('<<<<<<<');
  await view.getByRole('button', { name: 'Save result' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByText('Saved version 5')).toBeVisible();

  const stored = await readPage(SANDBOX_ID);
  expect(stored.version.number).toBe(5);
  expect(stored.body).toContain('<p>Mine at the end, never lost</p>');
  expect(stored.body).toContain('Edited by Alex Other while you were editing.');
  expect(stored.body).not.toMatch(/^(<{7}|={7}|>{7})/m);
  expect(stored.body).toContain('<td>Alex</td>');
  await editorPage.expectToShow('Mine at the end, never lost');
  await editorPage.expectToShow('Edited by Alex Other while you were editing.');
  await expect(editorPage.saveState).toHaveText('Saved v5');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('both renamed the page: the conflict view asks for the title', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await concurrentEdit(SANDBOX_ID, { title: 'Sandbox by Alex' });
  await page.getByLabel('Title').fill('Sandbox by me');
  await expect(page.getByText('Title is free')).toBeVisible();
  await editorPage.saveThroughPanel();

  const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 4' });
  await expect(view).toContainText('You both renamed the page');
  const title = view.getByLabel('Title');
  await expect(title).toHaveValue('Sandbox by me');
  await title.fill('Sandbox, agreed name');
  await view.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText('Saved version 5')).toBeVisible();
  const stored = await readPage(SANDBOX_ID);
  expect(stored.title).toBe('Sandbox, agreed name');
  // Alex's body change (a paragraph at the end) survived: I had changed only the title.
  expect(stored.body).toContain('Edited by Alex Other while you were editing.');
  await expect(page.getByRole('heading', { name: 'Sandbox, agreed name', level: 1 })).toBeVisible();
});
