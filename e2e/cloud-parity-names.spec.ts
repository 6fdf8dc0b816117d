import { ACCOUNT_ID_PREFIX, FLAVOURS } from './cloud-parity-steps';
import { concurrentEdit, freshEmulatorEachTest, setFaults } from './emulator-admin';
import { expect, test } from './fixtures';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/** People appear by name, never by account id: version line, history, conflict, merge markers, mentions. */

const MACRO_SHOWCASE_ID = '9470041';

freshEmulatorEachTest();

for (const flavour of FLAVOURS) {
  test(`${flavour}: version line, history and conflict name the people`, async ({
    page,
    offOrigin,
    consoleErrors,
    editorPage,
  }) => {
    await concurrentEdit(SANDBOX_ID, { message: 'Alex was here' });
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    await expect(page.getByText('Version 4 by Alex Other')).toBeVisible();

    await editorPage.toolbarButton('History').click();
    const history = page.getByRole('dialog', { name: 'Page history' });
    await expect(history.getByRole('cell', { name: 'Alex Other' }).first()).toBeVisible();
    await expect(history).not.toContainText(ACCOUNT_ID_PREFIX);
    await page.keyboard.press('Escape');
    await expect(history).toHaveCount(0);

    // Alex saves again while I edit the same place: the conflict names Alex, markers too.
    await concurrentEdit(SANDBOX_ID);
    await editorPage.appendParagraph('Mine at the end');
    await editorPage.saveThroughPanel();
    const view = page.getByRole('dialog', { name: 'Resolve the conflict with version 5' });
    await expect(view).toContainText('Alex Other saved version 5 while you were editing');
    const right = view.locator('.monaco-diff-editor .modified');
    await right.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await expect(right.locator('.view-lines')).toContainText('>>>>>>> version 5 by Alex Other');
    await expect(view).not.toContainText(ACCOUNT_ID_PREFIX);
    expect(offOrigin).toEqual([]);
    expect(appErrors(consoleErrors)).toEqual([]);
  });

  test(`${flavour}: mentions are names in both previews`, async ({ offOrigin, editorPage }) => {
    await editorPage.signInAndOpen(MACRO_SHOWCASE_ID, { person: 'Demo User', flavour });
    const body = editorPage.preview.locator('body');
    await expect(body).toContainText('@Alex Other');
    await expect(body).not.toContainText(ACCOUNT_ID_PREFIX);

    await editorPage.showExactPreview();
    await expect(body.locator('a.user-mention').first()).toHaveText('Alex Other');
    await expect(body).not.toContainText(ACCOUNT_ID_PREFIX);
    expect(offOrigin).toEqual([]);
  });

  test(`${flavour}: when the name lookup fails, mentions say "Unknown user", not "Loading name…"`, async ({
    page,
    editorPage,
  }) => {
    await page.route('**/api/users/names?*', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'confluence_unavailable', message: 'Confluence is unavailable.' },
        }),
      }),
    );
    await editorPage.signInAndOpen(MACRO_SHOWCASE_ID, { person: 'Demo User', flavour });
    const body = editorPage.preview.locator('body');
    await expect(body).toContainText('@Unknown user (');
    await expect(body).not.toContainText('Loading name…');
  });
}

test('Cloud: when users-bulk fails, the server names people "Unknown user" and the page still opens', async ({
  page,
  editorPage,
}) => {
  await setFaults({ serverErrorEvery: 1, pathPattern: 'users-bulk' });
  await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour: 'Cloud' });
  await expect(page.getByText(/^Version \d+ by Unknown user \(5f3a1b2c…\)$/)).toBeVisible();
});
