import { ACCOUNT_ID_PREFIX, FLAVOURS, openPageAs, previewFrame } from './cloud-parity-steps';
import { expect, test } from './fixtures';
import {
  appendParagraph,
  appErrors,
  emulatorAdmin,
  SANDBOX_ID,
  saveThroughPanel,
  toolbarButton,
} from './save-helpers';

/** People appear by name, never by account id: version line, history, conflict, merge markers, mentions. */

const MACRO_SHOWCASE_ID = '9470041';

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

for (const flavour of FLAVOURS) {
  test(`${flavour}: version line, history and conflict name the people`, async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    await emulatorAdmin(`/pages/${SANDBOX_ID}/concurrent-edit`, { message: 'Alex was here' });
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    await expect(page.getByText('Version 4 by Alex Other')).toBeVisible();

    await toolbarButton(page, 'History').click();
    const history = page.getByRole('dialog', { name: 'Page history' });
    await expect(history.getByRole('cell', { name: 'Alex Other' }).first()).toBeVisible();
    await expect(history).not.toContainText(ACCOUNT_ID_PREFIX);
    await page.keyboard.press('Escape');
    await expect(history).toHaveCount(0);

    // Alex saves again while I edit the same place: the conflict names Alex, markers too.
    await emulatorAdmin(`/pages/${SANDBOX_ID}/concurrent-edit`);
    await appendParagraph(page, 'Mine at the end');
    await saveThroughPanel(page);
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

  test(`${flavour}: mentions are names in both previews`, async ({ page, appUrl, offOrigin }) => {
    await openPageAs(page, appUrl, MACRO_SHOWCASE_ID, 'Demo User', flavour);
    const body = previewFrame(page).locator('body');
    await expect(body).toContainText('@Alex Other');
    await expect(body).not.toContainText(ACCOUNT_ID_PREFIX);

    await page.getByRole('radiogroup', { name: 'Preview mode' }).getByLabel('Confluence').check();
    await expect(page.getByTestId('preview-label')).toContainText('fetched');
    await expect(body.locator('a.user-mention').first()).toHaveText('Alex Other');
    await expect(body).not.toContainText(ACCOUNT_ID_PREFIX);
    expect(offOrigin).toEqual([]);
  });
}
