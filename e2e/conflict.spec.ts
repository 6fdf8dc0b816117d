import { expect, test } from './fixtures';
import {
  appendParagraph,
  appErrors,
  emulatorAdmin,
  expectEditorToShow,
  openEditor,
  SANDBOX_ID,
  saveState,
  saveThroughPanel,
  storedPage,
} from './save-helpers';

/** A colleague saved while I was editing: three-way merge, merge review, conflict view. */

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

test('edits in different parts merge cleanly; the merged save keeps both', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openEditor(page, appUrl);
  // Alex changes a table cell near the top while I append a paragraph at the end.
  const before = await storedPage(SANDBOX_ID);
  expect(before.body).toContain('<td>Alex</td>');
  await emulatorAdmin(`/pages/${SANDBOX_ID}/concurrent-edit`, {
    body: before.body.replace('<td>Alex</td>', '<td>Alex, changed by the colleague</td>'),
    message: 'Colleague fixed the owner',
  });
  await appendParagraph(page, 'My paragraph at the end');
  await saveThroughPanel(page);

  const review = page.getByRole('dialog', { name: 'Merge with version 4' });
  await expect(review).toBeVisible();
  await expect(review).toContainText('do not overlap');
  const editor = review.locator('.monaco-diff-editor');
  await expect(editor).toBeVisible();
  await review.getByRole('button', { name: 'Save merged' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByText('Saved version 5')).toBeVisible();
  await expect(saveState(page)).toHaveText('Saved v5');

  const stored = await storedPage(SANDBOX_ID);
  expect(stored.version.number).toBe(5);
  expect(stored.body).toContain('Alex, changed by the colleague');
  expect(stored.body).toContain('<p>My paragraph at the end</p>');
  // The editor holds what was saved (nothing left to save): both edits.
  await expectEditorToShow(page, 'My paragraph at the end');
  await expect(saveState(page)).toHaveText('Saved v5');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('overlapping edits open the conflict view; the resolved result keeps both texts', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await openEditor(page, appUrl);
  // Alex appends a paragraph at the end; so do I: the same place, a real conflict.
  await emulatorAdmin(`/pages/${SANDBOX_ID}/concurrent-edit`);
  await appendParagraph(page, 'Mine at the end, never lost');
  await saveThroughPanel(page);

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
  expect((await storedPage(SANDBOX_ID)).version.number).toBe(4);

  // Cancel keeps mine in the editor; reopening resumes the result.
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(view).toHaveCount(0);
  await expect(saveState(page)).toHaveText('Conflict');
  await expectEditorToShow(page, 'Mine at the end, never lost');
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

  const stored = await storedPage(SANDBOX_ID);
  expect(stored.version.number).toBe(5);
  expect(stored.body).toContain('<p>Mine at the end, never lost</p>');
  expect(stored.body).toContain('Edited by Alex Other while you were editing.');
  expect(stored.body).not.toMatch(/^(<{7}|={7}|>{7})/m);
  expect(stored.body).toContain('<td>Alex</td>');
  await expectEditorToShow(page, 'Mine at the end, never lost');
  await expectEditorToShow(page, 'Edited by Alex Other while you were editing.');
  await expect(saveState(page)).toHaveText('Saved v5');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('both renamed the page: the conflict view asks for the title', async ({ page, appUrl }) => {
  await openEditor(page, appUrl);
  await emulatorAdmin(`/pages/${SANDBOX_ID}/concurrent-edit`, { title: 'Sandbox by Alex' });
  await page.getByLabel('Title').fill('Sandbox by me');
  await expect(page.getByText('Title is free')).toBeVisible();
  await saveThroughPanel(page);

  const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 4' });
  await expect(view).toContainText('You both renamed the page');
  const title = view.getByLabel('Title');
  await expect(title).toHaveValue('Sandbox by me');
  await title.fill('Sandbox, agreed name');
  await view.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText('Saved version 5')).toBeVisible();
  const stored = await storedPage(SANDBOX_ID);
  expect(stored.title).toBe('Sandbox, agreed name');
  // Alex's body change (a paragraph at the end) survived: I had changed only the title.
  expect(stored.body).toContain('Edited by Alex Other while you were editing.');
  await expect(page.getByRole('heading', { name: 'Sandbox, agreed name', level: 1 })).toBeVisible();
});
