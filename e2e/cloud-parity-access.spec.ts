import { FLAVOURS, openPageAs, previewFrame, signInAs } from './cloud-parity-steps';
import { expect, test } from './fixtures';
import {
  appendParagraph,
  emulatorAdmin,
  emulatorUrl,
  SANDBOX_ID,
  toolbarButton,
} from './save-helpers';

/** Read-only told up front (Robin Reader; Locked policy), and links from another site refused. */

const LOCKED_POLICY_ID = '9470050';

test.beforeEach(async () => {
  await emulatorAdmin('/reset');
});

for (const flavour of FLAVOURS) {
  for (const [person, id, pageName] of [
    ['Robin Reader', SANDBOX_ID, 'Sandbox'],
    ['Demo User', LOCKED_POLICY_ID, 'Locked policy'],
  ] as const) {
    test(`${flavour}: ${person} is told before editing that ${pageName} is read-only`, async ({
      page,
      appUrl,
      offOrigin,
      consoleErrors,
    }) => {
      await openPageAs(page, appUrl, id, person, flavour);
      const notice = page.getByRole('region', { name: 'Read-only page' });
      await expect(notice).toContainText('This page is read-only for you.');
      await expect(notice).toContainText('read this page but not to edit it');
      const save = toolbarButton(page, 'Save');
      await expect(save).toBeDisabled();
      await expect(
        page.getByText('Read-only for you: Confluence will not accept a save.'),
      ).toBeVisible();

      // Local work goes on: typing shows in the preview, and Diff opens.
      await appendParagraph(page, 'Only a local note');
      await expect(previewFrame(page).locator('body')).toContainText('Only a local note');
      await toolbarButton(page, 'Diff').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      expect(offOrigin).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }

  test(`${flavour}: Demo User on Sandbox gets no read-only notice`, async ({ page, appUrl }) => {
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    await expect(toolbarButton(page, 'Save')).toBeEnabled();
    await expect(page.getByRole('region', { name: 'Read-only page' })).toHaveCount(0);
  });

  test(`${flavour}: a link from another site is refused, naming both sites`, async ({
    page,
    appUrl,
  }) => {
    await signInAs(page, appUrl, 'Demo User', flavour);
    const field = page.getByLabel('Page ID, URL or title');
    await field.fill('https://acme.atlassian.net/wiki/spaces/X/pages/9470040');
    await field.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'This link is to a page on' });
    await expect(alert).toContainText('acme.atlassian.net');
    await expect(alert).toContainText(new URL(emulatorUrl()).host);
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(field).toBeFocused();
  });
}
