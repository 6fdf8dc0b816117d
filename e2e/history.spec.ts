import { expect, test } from './fixtures';
import { readPage, resetEmulator } from './emulator-admin';
import { appErrors, type EditorPage, SANDBOX_ID } from './pages/editor-page';

/** Page history: the version list, "compare with current", "load into editor". */

test.beforeEach(async () => {
  await resetEmulator();
});

async function saveWith(editorPage: EditorPage, comment: string, minor: boolean): Promise<void> {
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await panel.getByLabel('Version comment').fill(comment);
  if (minor) await panel.getByLabel("Minor edit (don't notify watchers)").check();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel).toHaveCount(0);
}

test('versions are listed, an old one is compared and restored as a new version', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  const seeded = await readPage(SANDBOX_ID);
  const first = seeded.version.number + 1;
  const second = first + 1;

  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('History first change');
  await saveWith(editorPage, 'First history save', false);
  await expect(editorPage.saveState).toHaveText(`Saved v${first}`);
  const firstBody = (await readPage(SANDBOX_ID)).body;

  await editorPage.appendParagraph('History second change');
  await saveWith(editorPage, 'Second, minor', true);
  await expect(editorPage.saveState).toHaveText(`Saved v${second}`);

  // The list: newest first, with comments, the minor flag and the current version marked.
  await editorPage.toolbarButton('History').click();
  const history = page.getByRole('dialog', { name: 'Page history' });
  await expect(history).toBeVisible();
  const rows = history.getByRole('row');
  const newest = rows.filter({
    has: page.getByRole('rowheader', { name: new RegExp(`^v${second}`) }),
  });
  await expect(newest).toContainText('Second, minor');
  await expect(newest).toContainText('minor');
  await expect(newest).toContainText('current');
  await expect(newest).toContainText('Demo User');
  const older = rows.filter({
    has: page.getByRole('rowheader', { name: new RegExp(`^v${first}`) }),
  });
  await expect(older).toContainText('First history save');
  await expect(older.getByRole('rowheader')).not.toContainText('minor');
  // The newest is on top (the header row comes first).
  await expect(rows.nth(1)).toContainText(`v${second}`);
  await expect(rows.nth(2)).toContainText(`v${first}`);

  // Compare: the diff view, "Version N" against the editor text.
  await history.getByRole('button', { name: `Compare version ${first} with current` }).click();
  const diff = page.getByRole('dialog', { name: `Version ${first} compared with your text` });
  await expect(diff).toBeVisible();
  await expect(diff).toContainText(`Version ${first}`);
  await expect(diff).toContainText('Your text');
  await expect(diff.locator('.monaco-diff-editor')).toContainText('<h1>Sandbox</h1>');
  // Version N lacks the second change that the editor text has.
  await expect(diff.getByTestId('diff-status')).not.toContainText('No differences.');
  // Closing it goes back to the list.
  await diff.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeVisible();
  // The current version is the editor text: no differences.
  await history.getByRole('button', { name: `Compare version ${second} with current` }).click();
  const same = page.getByRole('dialog', { name: `Version ${second} compared with your text` });
  await expect(same.getByTestId('diff-status')).toHaveText('No differences.');
  await same.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeVisible();

  // Load into editor (confirmed), then the normal save makes it the newest version.
  const confirmations: string[] = [];
  page.once('dialog', (dialog) => {
    confirmations.push(dialog.message());
    void dialog.accept();
  });
  await history.getByRole('button', { name: `Load version ${first} into editor` }).click();
  await expect(history).toHaveCount(0);
  expect(confirmations).toEqual([
    `Replace the text in the editor with version ${first}? Nothing is saved until you save, and Undo (Ctrl+Z) brings your current text back.`,
  ]);
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect(page.getByText(`Version ${first} is in the editor`)).toBeVisible();
  await editorPage.expectToShow('History first change');

  // Undo brings the newer text back; redo restores the old version again.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(editorPage.saveState).toHaveText(`Saved v${second}`);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  await saveWith(editorPage, `Restored version ${first}`, false);
  const third = second + 1;
  await expect(editorPage.saveState).toHaveText(`Saved v${third}`);
  const stored = await readPage(SANDBOX_ID);
  expect(stored.version).toMatchObject({ number: third, message: `Restored version ${first}` });
  expect(stored.body).toBe(firstBody);

  // The history shows the new version at once (the list was refreshed after the save).
  await editorPage.toolbarButton('History').click();
  await expect(history.getByRole('rowheader', { name: new RegExp(`^v${third}`) })).toBeVisible();
  await expect(history).toContainText(`Restored version ${first}`);
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});
