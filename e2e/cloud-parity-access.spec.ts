import { FLAVOURS } from './cloud-parity-steps';
import { admin, emulatorUrl, resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/**
 * Read-only told up front, with its cause: a space without edit permission (Robin Reader; a space
 * set so by the emulator's admin API) or a page's edit restriction (Locked policy; a page restricted
 * through the admin API). And links from another site refused.
 */

const LOCKED_POLICY_ID = '9470050';

test.beforeEach(async () => {
  await resetEmulator();
});

for (const flavour of FLAVOURS) {
  for (const [person, id, pageName, heading, reason, advice] of [
    [
      'Robin Reader',
      SANDBOX_ID,
      'Sandbox',
      'This page is read-only for you: you cannot edit pages in this space.',
      'Your account has no permission to edit pages in this space.',
      'Ask a space admin to give you edit permission in this space',
    ],
    [
      'Demo User',
      LOCKED_POLICY_ID,
      'Locked policy',
      'This page is read-only for you: it has an edit restriction.',
      'This page has an edit restriction: only Alex Other may edit it.',
      "Ask Alex Other to add you to the page's edit restriction, or copy your text",
    ],
  ] as const) {
    test(`${flavour}: ${person} is told before editing that ${pageName} is read-only, and why`, async ({
      page,
      offOrigin,
      consoleErrors,
      editorPage,
    }) => {
      await editorPage.signInAndOpen(id, { person, flavour });
      const notice = editorPage.readOnlyNotice;
      await expect(notice).toContainText(heading);
      await expect(notice).toContainText(reason);
      await expect(notice).toContainText(advice);
      await expect(notice).toContainText('Drafts, preview, diff and Scratchpad keep working here');
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

  test(`${flavour}: an editor in a space that takes away their edit permission is told it is the space`, async ({
    editorPage,
  }) => {
    await admin('PUT', '/spaces/DEMO/permissions', { editors: ['alex'] });
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    const notice = editorPage.readOnlyNotice;
    await expect(notice).toContainText('you cannot edit pages in this space');
    await expect(notice).not.toContainText('edit restriction');
    await expect(editorPage.toolbarButton('Save')).toBeDisabled();
  });

  test(`${flavour}: a page restricted to several people names them all`, async ({ editorPage }) => {
    await admin('PUT', `/pages/${SANDBOX_ID}/restrictions`, { editors: ['alex', 'reader'] });
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    const notice = editorPage.readOnlyNotice;
    await expect(notice).toContainText(
      'This page has an edit restriction: only Alex Other and Robin Reader may edit it.',
    );
    await expect(notice).toContainText('send it to one of them');
  });

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
