import { expect, test } from './fixtures';
import { readPage, resetEmulator } from './emulator-admin';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/** The save panel (comment, minor edit, change summary, refusals) and the diff view. */

test.beforeEach(async () => {
  await resetEmulator();
});

test('the version comment and the minor-edit flag reach Confluence', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Commented change');
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await expect(panel).toBeVisible();
  // Focus starts in the comment field.
  await expect(panel.getByLabel('Version comment')).toBeFocused();
  await expect(panel.getByTestId('change-summary')).toHaveText('1 line added');
  await page.keyboard.type('Added a paragraph for the e2e run');
  await panel.getByLabel("Minor edit (don't notify watchers)").check();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved version 4')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v4');

  const stored = await readPage(SANDBOX_ID);
  expect(stored.version).toMatchObject({
    number: 4,
    message: 'Added a paragraph for the e2e run',
    minorEdit: true,
  });
  expect(stored.body).toContain('<p>Commented change</p>');

  // The next save starts with an empty comment and a normal (notifying) edit.
  await editorPage.appendParagraph('Another change');
  await editorPage.toolbarButton('Save').click();
  await expect(panel.getByLabel('Version comment')).toHaveValue('');
  await expect(panel.getByLabel("Minor edit (don't notify watchers)")).not.toBeChecked();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editorPage.saveState).toHaveText('Saved v5');
  expect((await readPage(SANDBOX_ID)).version).toMatchObject({
    number: 5,
    message: '',
    minorEdit: false,
  });
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('an unchanged page is not saved: the panel says so and sends nothing', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.push(request.url());
  });
  const save = editorPage.toolbarButton('Save');
  await save.click();
  const panel = editorPage.savePanel;
  await expect(panel).toContainText(
    'Nothing to save: the title and body are the same as version 3.',
  );
  await expect(panel.getByTestId('change-summary')).toHaveText('No line changes');
  const panelSave = panel.getByRole('button', { name: 'Save', exact: true });
  await expect(panelSave).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+S');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(save).toBeFocused();

  // A title typed back to the original is no change either.
  await page.getByLabel('Title').fill('Sandbox ');
  await save.click();
  await expect(panel).toContainText('Nothing to save');
  await panel.getByRole('button', { name: 'Close' }).click();
  expect(puts).toEqual([]);
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
});

test('errors block saving and are listed; a listed error leads to its line', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Broken<br>');
  await expect(page.getByTestId('error-count')).not.toHaveText('0 errors');
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  const errors = panel.getByRole('list', { name: 'Errors' });
  await expect(errors.getByRole('listitem').first()).toContainText(/Line \d+, column \d+/);
  await expect(panel.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await errors.getByRole('button').first().click();
  await expect(panel).toHaveCount(0);
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
});

test('the diff view shows a change, ignores formatting by default, and Review diff returns to the panel', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const diff = page.getByRole('dialog', { name: 'Changes since version 3' });

  // Formatting alone: no differences while ignored (the default), differences when not.
  await editorPage.toolbarButton('Format').click();
  await expect(page.getByText('Formatted.')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v3');
  await editorPage.toolbarButton('Diff').click();
  await expect(diff.getByLabel('Ignore formatting-only changes')).toBeChecked();
  await expect(diff.getByTestId('diff-status')).toHaveText('No differences.');
  await diff.getByLabel('Ignore formatting-only changes').uncheck();
  await expect(diff.getByTestId('diff-status')).toHaveText('');
  await diff.getByRole('button', { name: 'Close' }).click();
  await expect(diff).toHaveCount(0);

  // A real change shows as an insertion on the right.
  await editorPage.prependParagraph('Diff marker paragraph');
  await editorPage.toolbarButton('Diff').click();
  await expect(diff).toBeVisible();
  const editor = diff.locator('.monaco-diff-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.modified .view-lines')).toContainText('Diff marker paragraph');
  await expect(editor.locator('.original .view-lines')).not.toContainText('Diff marker');
  await expect(editor.locator('.modified .line-insert').first()).toBeVisible();
  await expect(diff.getByTestId('diff-status')).not.toContainText('No differences');
  await page.keyboard.press('Escape');
  await expect(diff).toHaveCount(0);
  await expect(editorPage.toolbarButton('Diff')).toBeFocused();

  // From the save panel: the comment survives a look at the diff.
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await panel.getByLabel('Version comment').fill('Reformatted, with a marker');
  await panel.getByRole('button', { name: 'Review diff' }).click();
  await expect(diff).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Version comment')).toHaveValue('Reformatted, with a marker');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});
