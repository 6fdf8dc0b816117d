import { FLAVOURS } from './cloud-parity-steps';
import { emulatorUrl, resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/** Read-only told up front (Robin Reader; Locked policy), and links from another site refused. */

const LOCKED_POLICY_ID = '9470050';

test.beforeEach(async () => {
  await resetEmulator();
});

for (const flavour of FLAVOURS) {
  for (const [person, id, pageName] of [
    ['Robin Reader', SANDBOX_ID, 'Sandbox'],
    ['Demo User', LOCKED_POLICY_ID, 'Locked policy'],
  ] as const) {
    test(`${flavour}: ${person} is told before editing that ${pageName} is read-only`, async ({
      page,
      offOrigin,
      consoleErrors,
      editorPage,
    }) => {
      await editorPage.signInAndOpen(id, { person, flavour });
      const notice = editorPage.readOnlyNotice;
      await expect(notice).toContainText('This page is read-only for you.');
      await expect(notice).toContainText('read this page but not to edit it');
      await expect(editorPage.toolbarButton('Save')).toBeDisabled();
      await expect(
        page.getByText('Read-only for you: Confluence will not accept a save.'),
      ).toBeVisible();

      // Local work goes on: typing shows in the preview, and Diff opens.
      await editorPage.appendParagraph('Only a local note');
      await expect(editorPage.preview.locator('body')).toContainText('Only a local note');
      await editorPage.toolbarButton('Diff').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      expect(offOrigin).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }

  test(`${flavour}: Demo User on Sandbox gets no read-only notice`, async ({ editorPage }) => {
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    await expect(editorPage.toolbarButton('Save')).toBeEnabled();
    await expect(editorPage.readOnlyNotice).toHaveCount(0);
  });

  test(`${flavour}: a link from another site is refused, naming both sites`, async ({
    page,
    appUrl,
    loginPage,
    openPage,
  }) => {
    await loginPage.signInAsDemo('Demo User', flavour);
    const field = openPage.pageIdField;
    await field.fill('https://acme.atlassian.net/wiki/spaces/X/pages/9470040');
    await field.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'This link is to a page on' });
    await expect(alert).toContainText('acme.atlassian.net');
    await expect(alert).toContainText(new URL(emulatorUrl()).host);
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(field).toBeFocused();
  });
}
