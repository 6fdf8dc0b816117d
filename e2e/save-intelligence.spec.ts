import { expect, test } from './fixtures';
import { readPage, resetEmulator, writePage } from './emulator-admin';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/**
 * "Save intelligence": canonical no-op detection, the round-trip integrity guard,
 * Confluence's dry run, read-after-write verification and the error translator.
 */

const ROADMAP_ID = '9470048';

test.beforeEach(async () => {
  await resetEmulator();
});

test('formatting only is no change: no "Unsaved changes", and Save is refused', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.push(request.url());
  });
  await editorPage.toolbarButton('Format').click();
  await expect(page.getByText('Formatted.')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v3');

  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await expect(panel).toContainText(
    'Nothing to save: the title and body are the same as version 3.',
  );
  // The line summary still counts the re-laid-out lines: the refusal is about meaning.
  await expect(panel.getByTestId('change-summary')).not.toHaveText('No line changes');
  await expect(panel.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');

  // A real change is one again.
  await editorPage.appendParagraph('A real change');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  expect(puts).toEqual([]);
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('removing an inline comment is named and needs confirming before Save', async ({
  editorPage,
}) => {
  await writePage(SANDBOX_ID, {
    title: 'Sandbox',
    version: 4,
    body: [
      '<p>Keep <ac:inline-comment-marker ac:ref="c0ffee-1">these flagged words</ac:inline-comment-marker> in mind.</p>',
      '<p>Second paragraph.</p>',
    ].join('\n'),
  });
  await editorPage.signInAndOpen();
  await editorPage.replaceFirstLine('<p>Keep these flagged words in mind.</p>');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');

  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  await expect(panel.getByTestId('removal-summary')).toHaveText(
    /^This save removes 1 inline comment: .*these flagged words/,
  );
  const save = panel.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeDisabled();
  await panel.getByLabel('Remove it with this save').check();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(panel).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText('Saved v5');
  const stored = await readPage(SANDBOX_ID);
  expect(stored.body).not.toContain('inline-comment-marker');
  expect(stored.body).toContain('<p>Keep these flagged words in mind.</p>');
});

test('Check with Confluence marks an unknown macro and a missing page at their lines', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const warnings = page.getByTestId('warning-count');
  await editorPage.replaceFirstLine(
    '<ac:structured-macro ac:name="no-such-macro-e2e" ac:schema-version="1"></ac:structured-macro>\n<p><ac:link><ri:page ri:content-title="No such page e2e" /></ac:link></p>\n<h1>Sandbox</h1>',
  );
  // The engine itself does not know the macro either (one warning of its own).
  await expect(warnings).toHaveText('1 warning');
  await editorPage.toolbarButton('Check with Confluence').click();
  await expect(page.getByText(/^Confluence accepts this body, with \d+ warnings?\./)).toBeVisible();
  await expect(warnings).toHaveText('3 warnings');
  await expect(page.locator('.squiggly-warning').first()).toBeVisible();

  // The save panel shows the same findings, with their lines, without running the check again.
  await editorPage.toolbarButton('Save').click();
  const found = editorPage.savePanel.getByRole('list', { name: 'Confluence warnings' });
  await expect(found).toContainText('Line 1, column 1');
  await expect(found).toContainText('no-such-macro-e2e');
  await expect(found).toContainText('Line 2');
  await expect(found).toContainText('No page “No such page e2e”');
  // Confluence's warnings add no block of their own: accepting the engine's warning is enough.
  await editorPage.savePanel.getByLabel('Save despite the warnings').check();
  await expect(
    editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }),
  ).toBeEnabled();
  await page.keyboard.press('Escape');

  // The next edit withdraws them (they described the text as it was).
  await editorPage.appendParagraph('Edited after the check');
  await expect(warnings).toHaveText('1 warning');
});

test('a save is read back: "Saved and verified", while the status bar keeps the version', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Verified paragraph');
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  // The dry run runs by itself when the panel opens.
  await expect(panel.getByTestId('panel-check')).toContainText('Confluence accepts this body');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-verification')).toHaveText(/Saved and verified v4\./);
  await expect(page.getByText('Saved version 4')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('a title taken meanwhile: Confluence refuses, one click takes the suggested free title', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  const title = page.getByLabel('Title');
  // A title the check already knows is taken comes with a free one to use.
  await title.fill('Roadmap');
  await expect(page.getByRole('button', { name: 'Use “Roadmap (2)”' })).toBeVisible();
  await title.fill('Sandbox plans');
  await expect(page.getByText('Title is free')).toBeVisible();
  // A colleague gives another page that title before this save.
  await writePage(ROADMAP_ID, {
    title: 'Sandbox plans',
    version: 2,
    body: '<p>Taken meanwhile.</p>',
  });
  await editorPage.toolbarButton('Save').click();
  await editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText('A page titled Sandbox plans already exists in DEMO').first(),
  ).toBeVisible();
  const use = page.getByRole('button', { name: 'Use “Sandbox plans (2)”' });
  await use.click();
  await expect(title).toHaveValue('Sandbox plans (2)');
  await expect(page.getByText('Title is free')).toBeVisible();
  await editorPage.toolbarButton('Save').click();
  await editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  expect((await readPage(SANDBOX_ID)).title).toBe('Sandbox plans (2)');
});

test('an error is translated with a one-click fix, applied as an undoable edit', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Broken<br>line');
  await expect(page.getByTestId('error-count')).not.toHaveText('0 errors');
  await editorPage.toolbarButton('Save').click();
  const panel = editorPage.savePanel;
  const errors = panel.getByRole('list', { name: 'Errors' });
  const fix = errors.getByRole('button', { name: /^Fix: / }).first();
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(page.getByText(/^Fixed: /)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');

  // The fix is one edit in the editor's undo history.
  await page.getByRole('textbox', { name: /^Storage format source of / }).focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('error-count')).not.toHaveText('0 errors');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');

  await editorPage.toolbarButton('Save').click();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  expect((await readPage(SANDBOX_ID)).body).toMatch(/<p>Broken<br ?\/>line<\/p>/);
});
